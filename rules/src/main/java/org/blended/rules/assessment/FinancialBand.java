package org.blended.rules.assessment;

/** Red/amber/green rating of one financial criterion, and of the financials as a whole. */
public enum FinancialBand { GREEN, AMBER, RED }
