package org.blended.service.benchmark;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * N applications with their decisions, and review cases for a third of the referred ones, written
 * by PostgreSQL itself (generate_series): a million in about a minute, where the intake would take
 * hours. Spread like a lender's year: 70% to the first of four lenders, one every 30 s, 60% REST, 30% in
 * FILE batches of 1,000, 10% QUEUE, names from a few words so that a name search matches some.
 */
final class MillionRows {

    private MillionRows() {
    }

    static void fill(JdbcTemplate jdbc, List<UUID> lenders, int n) {
        jdbc.update("""
                insert into application (id, lender_id, lender_reference, channel, source, legal_name, legal_form,
                    request_type, amount, payload, received_at, batch_id, batch_row)
                select gen_random_uuid(), (?::uuid[])[1 + case when i % 10 < 7 then 0 else i % 10 - 6 end], 'M-' || i,
                       case when i % 10 < 6 then 'REST' when i % 10 < 9 then 'FILE' else 'QUEUE' end,
                       'benchmark',
                       (array['Northern','Riverside','Calder','Hulme','Holme','Marsden','Sparkbrook','Pennine',
                              'Southside','Corner'])[1 + i % 10] || ' ' ||
                       case when i % 997 = 0 then 'Hydro' else (array['Community','Arts','Energy','Housing','Youth',
                              'Food','Wind','Pantry','Furniture','Bakery','Cafe','Fitness','Pub','Boxing'])[1 + (i / 10) % 14]
                       end || ' ' ||
                       (array['CIC','Ltd','Society','Trust','Co-operative'])[1 + (i / 7) % 5],
                       (array['CIC','CIO','CHARITY','CBS','CLG','CLS','SOLE_TRADER','PARTNERSHIP','UNINCORPORATED','OTHER'])[1 + (i / 3) % 10],
                       'LOAN', 1000 + (i * 37) % 250000, '{}',
                       timestamp with time zone '2026-11-01 00:00:00+00' - (i * interval '30 seconds'),
                       case when i % 10 between 6 and 8 then md5('batch-' || (i / 3000))::uuid end,
                       case when i % 10 between 6 and 8 then i % 3000 + 1 end
                from generate_series(1, ?) i""", lenders.stream().map(UUID::toString).toArray(String[]::new), n);
        jdbc.update("""
                insert into decision (id, application_id, lender_id, outcome, rule_set_version, financial_band, impact_band,
                    financial_score, social_value_score, assessed_on, decided_at, evaluation_micros)
                select gen_random_uuid(), a.id, a.lender_id,
                       (array['APPROVE','APPROVE','APPROVE','APPROVE_WITH_CONDITIONS','APPROVE_WITH_CONDITIONS','REFER',
                              'DECLINE','DECLINE'])[1 + abs(hashtext(a.lender_reference)) % 8],
                       'rule-set-1', 'GREEN', 'HIGH', 50, 50, a.received_at::date, a.received_at, 100
                from application a""");
        jdbc.update("""
                insert into review_case (id, decision_id, application_id, lender_id, opened_because, opened_at, due_at, state,
                    received_at)
                select gen_random_uuid(), d.id, d.application_id, d.lender_id, 'REFERRED', d.decided_at,
                       d.decided_at + interval '5 days',
                       (array['OPEN','ASSIGNED','AWAITING_APPROVAL','DECIDED'])[1 + abs(hashtext(d.id::text)) % 4],
                       d.decided_at
                from decision d where d.outcome = 'REFER' and abs(hashtext(d.application_id::text)) % 3 = 0""");
        jdbc.execute("analyze");
    }
}
