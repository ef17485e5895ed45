package org.blended.service.portfolio;

import java.math.BigDecimal;

/**
 * How big an applicant is, by the income of its latest accounts: the bands the Charity Commission and
 * the sector's surveys commonly use (under £100,000; to £1m; to £10m; over). No accounts is a band of
 * its own, since new organisations are the ones a fairness check most needs to see.
 */
public enum SizeBand {
    NO_ACCOUNTS("No accounts"),
    MICRO("Income under £100,000"),
    SMALL("Income £100,000 to £1 million"),
    MEDIUM("Income £1 million to £10 million"),
    LARGE("Income £10 million or more");

    private static final BigDecimal HUNDRED_THOUSAND = new BigDecimal(100_000);
    private static final BigDecimal MILLION = new BigDecimal(1_000_000);
    private static final BigDecimal TEN_MILLION = new BigDecimal(10_000_000);

    private final String words;

    SizeBand(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }

    public static SizeBand ofIncome(BigDecimal income) {
        if (income == null) {
            return NO_ACCOUNTS;
        }
        if (income.compareTo(HUNDRED_THOUSAND) < 0) {
            return MICRO;
        }
        if (income.compareTo(MILLION) < 0) {
            return SMALL;
        }
        return income.compareTo(TEN_MILLION) < 0 ? MEDIUM : LARGE;
    }
}
