package org.blended.service.report;

import java.time.YearMonth;
import java.util.UUID;

/** Whose figures (null: every lender's), over which months (inclusive), under which rule-set version (null: any): what a report reads. */
public record ReportFilter(UUID lenderId, String lenderCode, YearMonth from, YearMonth to, String ruleSetVersion) {
}
