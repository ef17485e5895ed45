package org.blended.service.review.settlement;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How final decisions are settled: an override in the applicant's favour on an amount above
 * {@code fourEyesAbove} needs a senior officer's approval (never the proposer's own); an override
 * names one of {@code overrideReasons} (code: what officers read).
 */
@ConfigurationProperties("blended.review")
public record SettlementProperties(BigDecimal fourEyesAbove, Map<String, String> overrideReasons) {

    public SettlementProperties {
        fourEyesAbove = fourEyesAbove == null ? new BigDecimal("25000") : fourEyesAbove;
        overrideReasons = overrideReasons == null || overrideReasons.isEmpty()
                ? Map.of("OTHER", "Other (explained in the rationale)") : new LinkedHashMap<>(overrideReasons);
    }
}
