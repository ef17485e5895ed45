package org.blended.service.portfolio.record;

import java.time.LocalDate;
import java.util.UUID;

/** One counter row of portfolio_tally. */
record TallyKey(UUID lenderId, String dimension, LocalDate month, String ruleSetVersion, String group,
                String automatedOutcome, String finalOutcome) {
}
