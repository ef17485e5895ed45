package org.blended.service.explanation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/** The amount and term as the applicant's summary says them. */
class ApplicationSummaryTest {

    @Test
    void moneyHasPenceOnlyWhenThereAreSome() {
        assertThat(ApplicationSummary.money(new BigDecimal("120000.00"))).isEqualTo("£120,000");
        assertThat(ApplicationSummary.money(new BigDecimal("1234.5"))).isEqualTo("£1,234.50");
        assertThat(ApplicationSummary.money(null)).isNull();
    }

    @Test
    void aTermIsInMonthsWithTheYearsBeside() {
        assertThat(ApplicationSummary.term(60)).isEqualTo("60 months (5 years)");
        assertThat(ApplicationSummary.term(12)).isEqualTo("12 months (1 year)");
        assertThat(ApplicationSummary.term(18)).isEqualTo("18 months (1 year and 6 months)");
        assertThat(ApplicationSummary.term(25)).isEqualTo("25 months (2 years and 1 month)");
        assertThat(ApplicationSummary.term(6)).isEqualTo("6 months");
        assertThat(ApplicationSummary.term(1)).isEqualTo("1 month");
        assertThat(ApplicationSummary.term(null)).isNull();
    }
}
