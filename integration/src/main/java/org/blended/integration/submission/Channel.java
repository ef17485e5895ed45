package org.blended.integration.submission;

/** The way an application reached us. */
public enum Channel { REST, FILE, QUEUE }
