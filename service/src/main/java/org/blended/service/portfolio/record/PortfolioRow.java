package org.blended.service.portfolio.record;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A decision as the portfolio keeps it: its reporting dimensions and counted claims. */
record PortfolioRow(UUID applicationId, UUID lenderId, LocalDate month, String ruleSetVersion,
                    String automatedOutcome, BigDecimal amount, BigDecimal socialValueGbp,
                    ReportedDimensions dimensions, List<CountedClaim> claims) {
}
