package org.blended.rules.application;

public enum RiskLevel { LOW, MEDIUM, HIGH }
