package org.blended.service.review.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.blended.service.report.ReportWords;
import org.junit.jupiter.api.Test;

/** Counting without a database: months in the service's zone, interpolated percentiles, groups, words. */
class OverridesTallyTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Test
    void aDecisionCountsInItsMonthInLondonNotInUtc() {
        // 23:30 UTC on 31 March 2026 is 00:30 on 1 April in London (summer time began on 29 March)
        Settled april = settled("REFER", "DECLINE", Instant.parse("2026-03-31T23:30:00Z"), Duration.ofHours(3));
        Settled march = settled("DECLINE", "DECLINE", Instant.parse("2026-03-31T22:30:00Z"), Duration.ofHours(1));
        OverridesReport report = OverridesTally.report(scope("2026-02", "2026-04"), List.of(april, march), LONDON, Map.of());

        assertThat(report.months()).extracting(m -> m.month().toString()).containsExactly("2026-02", "2026-03", "2026-04");
        assertThat(report.months().get(0).figures().finalDecisions()).isZero();
        assertThat(report.months().get(0).figures().overrideRate()).as("no rate without decisions").isNull();
        assertThat(report.months().get(1).figures().overrides()).isZero();
        assertThat(report.months().get(2).figures().overrides()).isEqualTo(1);
        assertThat(report.total().overrideRate()).isEqualTo(0.5);
    }

    @Test
    void percentilesInterpolateBetweenRanksAsPostgresqlsPercentileCont() {
        long[] hours = {50, 2, 30, 4, 10};
        assertThat(Percentiles.of(hours, 0.5)).isEqualTo(10);
        assertThat(Percentiles.of(hours, 0.95)).isEqualTo(46); // 30 + 0.8 × (50 − 30)
        assertThat(Percentiles.of(new long[] {1, 2, 3, 4}, 0.5)).isEqualTo(3); // 2.5, rounded half up
        assertThat(Percentiles.of(new long[] {7}, 0.95)).isEqualTo(7);
        assertThat(Percentiles.of(new long[0], 0.5)).isNull();
    }

    @Test
    void groupsComeMostOverriddenFirstWithWhatPeopleRead() {
        Instant at = Instant.parse("2026-05-10T12:00:00Z");
        List<Settled> settled = List.of(
                new Settled("REFER", "DECLINE", List.of("F1", "F2", "F1"), "DATA_ERROR", "LESS_FAVOURABLE", "ann", "v1",
                        at.minusSeconds(60), at),
                new Settled("REFER", "APPROVE", List.of("F2"), "NEW_EVIDENCE", "MORE_FAVOURABLE", "ann", "v1", at.minusSeconds(60), at),
                new Settled("DECLINE", "DECLINE", List.of(), null, null, "ben", "v2", at.minusSeconds(60), at));
        OverridesReport report = OverridesTally.report(scope("2026-05", "2026-05"), settled, LONDON,
                Map.of("DATA_ERROR", "The application's data was wrong"));

        assertThat(report.byCriterion()).extracting(OverridesReport.Group::key).containsExactly("F2", "F1");
        assertThat(report.byCriterion().get(1).figures().finalDecisions()).as("a criterion named twice counts once").isEqualTo(1);
        assertThat(report.byReason()).extracting(OverridesReport.Group::label)
                .containsExactly("The application's data was wrong", "NEW_EVIDENCE");
        assertThat(report.byDirection()).extracting(OverridesReport.Group::label)
                .containsExactly("Less favourable to the applicant", "More favourable to the applicant");
        assertThat(report.byOfficer()).extracting(g -> g.key() + " " + g.figures().overrides()).containsExactly("ann 2", "ben 0");
        assertThat(report.byRuleSetVersion().get(1).figures().overrideRate()).isEqualTo(0.0);
    }

    @Test
    void figuresInPeoplesWords() {
        ReportWords words = new ReportWords();
        assertThat(words.percent(0.23)).isEqualTo("23%");
        assertThat(words.percent(0.001)).isEqualTo("under 1%");
        assertThat(words.percent(null)).isEqualTo("none");
        assertThat(words.duration(30L)).isEqualTo("under a minute");
        assertThat(words.duration(90L)).isEqualTo("2 minutes");
        assertThat(words.duration(3600L)).isEqualTo("1 hour");
        assertThat(words.duration(5 * 3600L)).isEqualTo("5 hours");
        assertThat(words.duration(5 * 3600L + 1800)).isEqualTo("5.5 hours");
        assertThat(words.duration((long) (3.2 * 86400))).isEqualTo("3.2 days");
        assertThat(words.month(YearMonth.of(2026, 1))).isEqualTo("January 2026");
        assertThat(words.count(1, "override")).isEqualTo("1 override");
        assertThat(words.count(0, "override")).isEqualTo("0 overrides");
    }

    @Test
    void theCsvKeepsASpreadsheetFromReadingAFormula() {
        Instant at = Instant.parse("2026-05-10T12:00:00Z");
        OverridesReport report = OverridesTally.report(scope("2026-05", "2026-05"), List.of(
                new Settled("REFER", "DECLINE", List.of(), "OTHER", "LESS_FAVOURABLE", "=cmd|' /C calc'!A0", "v1",
                        at.minusSeconds(7200), at)), LONDON, Map.of("OTHER", "Other, explained"));
        assertThat(OverridesCsv.of(report)).contains("\r\nmonth,2026-05,,1,1,1.0000,7200,7200\r\n")
                .contains("\r\nreason,OTHER,\"Other, explained\",1,1,")
                .contains("\r\nofficer,\"'=cmd|' /C calc'!A0\",");
    }

    private static OverridesReport.Scope scope(String from, String to) {
        return new OverridesReport.Scope(null, YearMonth.parse(from), YearMonth.parse(to), LONDON.getId(), null);
    }

    private static Settled settled(String automated, String outcome, Instant decidedAt, Duration took) {
        return new Settled(automated, outcome, List.of(), null, null, "ann", "v1", decidedAt.minus(took), decidedAt);
    }
}
