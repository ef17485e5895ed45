package org.blended.service.benchmark;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The portfolio's rows for decisions MillionRows wrote, as recording would have kept them, written
 * by PostgreSQL itself: each decision's dimensions (spread by a hash of its id, like a lender's mix of
 * applicants), two counted claims and three impact reasons each, a tenth of the referrals settled by
 * a person, and the counters built from all that in one pass per table.
 */
final class PortfolioRows {

    private PortfolioRows() {
    }

    static void fill(JdbcTemplate jdbc) {
        if (empty(jdbc, "portfolio_decision")) {
            rows(jdbc);
        }
        if (empty(jdbc, "portfolio_tally")) {
            counters(jdbc);
        }
        jdbc.execute("analyze");
    }

    private static boolean empty(JdbcTemplate jdbc, String table) {
        return !Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from " + table + ")", Boolean.class));
    }

    private static void rows(JdbcTemplate jdbc) {
        jdbc.update("""
                insert into portfolio_decision (application_id, lender_id, decided_month, rule_set_version, automated_outcome,
                    final_outcome, legal_form, size_band, region, deprivation_decile, amount, term_months, outcome_areas,
                    beneficiary_groups, social_value_gbp)
                select d.application_id, d.lender_id,
                       date_trunc('month', d.decided_at at time zone 'Europe/London')::date,
                       case when abs(hashtext(d.id::text)) % 5 = 0 then 'rule-set-2' else d.rule_set_version end,
                       d.outcome,
                       case when d.outcome = 'REFER' and abs(hashtext(d.id::text)) % 10 = 0 then 'APPROVE'
                            when d.outcome = 'REFER' and abs(hashtext(d.id::text)) % 10 = 1 then 'DECLINE'
                            else d.outcome end,
                       a.legal_form,
                       (array['NO_ACCOUNTS','MICRO','SMALL','SMALL','MEDIUM','LARGE'])[1 + abs(hashtext(a.lender_reference)) % 6],
                       (array['B','BD','BS','CF','E','EH','G','HD','HU','L','LS','M','MK','N','NE','NG','OL','S','SE',
                              'SW','TS','W','WF','YO','UNKNOWN'])[1 + abs(hashtext(a.id::text)) % 25],
                       (array['1','2','3','4','5','6','7','8','9','10','UNKNOWN'])[1 + abs(hashtext(d.id::text || 'd')) % 11],
                       a.amount, 12 * (1 + abs(hashtext(a.lender_reference || 't')) % 10),
                       (array['EMPLOYMENT_EDUCATION_TRAINING','HOUSING_LOCAL_FACILITIES','INCOME_FINANCIAL_INCLUSION',
                              'PHYSICAL_HEALTH','MENTAL_HEALTH_WELLBEING','CITIZENSHIP_COMMUNITY',
                              'CONSERVATION_NATURAL_ENVIRONMENT'])[1 + abs(hashtext(a.id::text || 'a')) % 7]
                         || case when abs(hashtext(a.id::text)) % 3 = 0 then ' ARTS_HERITAGE_SPORT_FAITH' else '' end,
                       (array['GENERAL_PUBLIC','CHILDREN_YOUNG_PEOPLE','NEET','OLDER_PEOPLE','DISABLED_PEOPLE',
                              'HOMELESS_PEOPLE','LONG_TERM_UNEMPLOYED','LOW_INCOME_HOUSEHOLDS'])[1 + abs(hashtext(a.id::text || 'g')) % 8]
                         || case when abs(hashtext(a.id::text)) % 4 = 0 then ' RURAL_COMMUNITIES' else '' end,
                       round(((abs(hashtext(d.id::text)) % 200) * 260 * 0.6)::numeric, 2)
                from decision d join application a on a.id = d.application_id""");
        // jobs created (not valued) and tCO2e avoided (valued at GBP 260, the rule set's carbon value)
        jdbc.update("""
                insert into decision_claim (application_id, position, measure, unit, gross, net, evidence, gbp, value_source)
                select p.application_id, 0, 'JOBS_CREATED', 'FTE', g, round((g * 0.6)::numeric, 2)::float8, 'RECORDS', null, null
                from portfolio_decision p, lateral (select 1 + abs(hashtext(p.application_id::text)) % 10 as g) x""");
        jdbc.update("""
                insert into decision_claim (application_id, position, measure, unit, gross, net, evidence, gbp, value_source)
                select p.application_id, 1, 'GHG_AVOIDED', 'tCO2e per year', g, round((g * 0.6)::numeric, 2)::float8,
                       'INDEPENDENTLY_VERIFIED', round((round((g * 0.6)::numeric, 2) * 260)::numeric, 0),
                       'DESNZ Valuation of greenhouse gas emissions for policy appraisal; Open Government Licence v3.0'
                from portfolio_decision p, lateral (select abs(hashtext(p.application_id::text)) % 200 as g) x""");
        jdbc.update("""
                insert into decision_reason (decision_id, position, code, criterion, theme, effect, points, text)
                select d.id, r.position, r.code, r.criterion, r.theme, 'POINTS', 1, r.text
                from decision d, (values (0, 'I1-AREA', 'I1', 'IMPACT_WHAT', 'The outcome areas are ones we fund.'),
                                         (1, 'I4-JOBS-CREATED', 'I4', 'IMPACT_HOW_MUCH',
                                             '4.0 FTE claimed, x (1 - 20% deadweight) = 3.2, 2.4 net: jobs created.'),
                                         (2, 'A1-ADDITIONAL', 'A1', 'CONTRIBUTION', 'Declined elsewhere: our finance is additional.'))
                     as r(position, code, criterion, theme, text)""");
    }

    /** Every counter from the rows, as recording would have added them up; the ALL group is a constant, not grouped by. */
    private static void counters(JdbcTemplate jdbc) {
        for (String[] dimension : new String[][] {{"ALL", "'ALL'"}, {"LEGAL_FORM", "legal_form"}, {"SIZE_BAND", "size_band"},
                {"REGION", "region"}, {"DEPRIVATION", "deprivation_decile"}}) {
            jdbc.update("insert into portfolio_tally (lender_id, dimension, decided_month, rule_set_version, grp, automated_outcome, "
                    + "final_outcome, applications, amount) select lender_id, '" + dimension[0] + "', decided_month, rule_set_version, "
                    + dimension[1] + ", automated_outcome, final_outcome, count(*), sum(amount) from portfolio_decision "
                    + "group by lender_id, decided_month, rule_set_version, "
                    + (dimension[0].equals("ALL") ? "" : dimension[1] + ", ") + "automated_outcome, final_outcome");
        }
        jdbc.update("""
                insert into portfolio_tally (lender_id, dimension, decided_month, rule_set_version, grp, automated_outcome, final_outcome,
                    applications, amount)
                select lender_id, 'AREA_GROUP', decided_month, rule_set_version, area || '/' || grp, automated_outcome, final_outcome,
                       count(*), sum(amount)
                from portfolio_decision, unnest(string_to_array(outcome_areas, ' ')) area,
                     unnest(string_to_array(beneficiary_groups, ' ')) grp
                group by lender_id, decided_month, rule_set_version, area || '/' || grp, automated_outcome, final_outcome""");
        jdbc.update("""
                insert into portfolio_measure (lender_id, decided_month, rule_set_version, automated_outcome, final_outcome, measure,
                    value_source, claims, gross, net, gbp)
                select p.lender_id, p.decided_month, p.rule_set_version, p.automated_outcome, p.final_outcome, c.measure,
                       coalesce(c.value_source, ''), count(*), sum(c.gross), sum(c.net), coalesce(sum(c.gbp), 0)
                from decision_claim c join portfolio_decision p on p.application_id = c.application_id
                group by p.lender_id, p.decided_month, p.rule_set_version, p.automated_outcome, p.final_outcome, c.measure,
                         coalesce(c.value_source, '')""");
    }
}
