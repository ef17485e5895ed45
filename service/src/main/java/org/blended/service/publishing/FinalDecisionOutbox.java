package org.blended.service.publishing;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.blended.service.review.settlement.FinalDecision;
import org.blended.service.review.settlement.FinalDecisionListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Queues each final decision for publishing in the transaction that stores it, like the automated ones. */
@Component
class FinalDecisionOutbox implements FinalDecisionListener {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    FinalDecisionOutbox(JdbcTemplate jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void recorded(FinalDecision d) {
        var row = jdbc.queryForMap("select l.code, a.lender_reference from application a join lender l on l.id = a.lender_id "
                + "where a.id = ?", d.applicationId());
        String lender = (String) row.get("code");
        FinalDecisionMessage message = new FinalDecisionMessage(FinalDecisionMessage.TYPE, lender, d.applicationId(),
                (String) row.get("lender_reference"), d.id(), d.automatedOutcome(), d.outcome(), d.conditions(), d.rationale(),
                d.overrideReason(), d.direction() == null ? null : d.direction().name(), d.decidedBy(), d.approvedBy(),
                d.decidedAt());
        try {
            jdbc.update("insert into decision_outbox (id, application_id, routing_key, payload, created_at, message_type, message_id) "
                            + "values (?, ?, ?, ?, ?, ?, ?)", UUID.randomUUID(), d.applicationId(), lender,
                    json.writeValueAsString(message), Timestamp.from(clock.instant()), FinalDecisionMessage.TYPE, d.id());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write the final decision message for " + d.applicationId(), e);
        }
    }
}
