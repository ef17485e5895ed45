package org.blended.integration.intake;

/** The way an application reached us. */
public enum Channel { REST, FILE, QUEUE }
