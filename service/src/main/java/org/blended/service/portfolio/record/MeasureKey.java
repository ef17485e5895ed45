package org.blended.service.portfolio.record;

import java.time.LocalDate;
import java.util.UUID;

/** One counter row of portfolio_measure; valueSource is '' where the measure has no value. */
record MeasureKey(UUID lenderId, LocalDate month, String ruleSetVersion, String automatedOutcome, String finalOutcome,
                  String measure, String valueSource) {
}
