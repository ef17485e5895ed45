package org.blended.service.review.report;

import java.time.YearMonth;
import java.util.UUID;

/** Whose final decisions, decided in which months (inclusive), under which rule-set version (null: any). */
record ReportFilter(UUID lenderId, String lenderCode, YearMonth from, YearMonth to, String ruleSetVersion) {
}
