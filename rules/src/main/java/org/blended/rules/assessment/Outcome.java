package org.blended.rules.assessment;

public enum Outcome { APPROVE, APPROVE_WITH_CONDITIONS, REFER, DECLINE }
