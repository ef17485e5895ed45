package org.blended.rules.application;

public enum RequestType { LOAN, INVESTMENT }
