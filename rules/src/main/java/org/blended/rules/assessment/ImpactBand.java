package org.blended.rules.assessment;

public enum ImpactBand { LOW, MEDIUM, HIGH, EXCEPTIONAL }
