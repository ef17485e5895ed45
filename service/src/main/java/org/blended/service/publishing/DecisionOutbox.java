package org.blended.service.publishing;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.blended.service.decision.ApplicationView;
import org.blended.service.decision.RecordedDecisionListener;
import org.blended.service.lender.Lender;
import org.blended.service.lender.LenderRepository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Queues decisions for publishing in the transaction that stores them: record first, publish
 * after, so a broker outage delays a decision message but never loses it.
 */
@Component
class DecisionOutbox implements RecordedDecisionListener {

    private final JdbcTemplate jdbc;
    private final LenderRepository lenders;
    private final ObjectMapper json;
    private final Clock clock;
    /** Lender codes never change, so they are remembered rather than read per decision. */
    private final Map<UUID, String> codes = new ConcurrentHashMap<>();

    public DecisionOutbox(JdbcTemplate jdbc, LenderRepository lenders, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.lenders = lenders;
        this.json = json;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    @Override
    public void recorded(UUID lenderId, List<ApplicationView> decided) {
        if (decided.isEmpty()) {
            return;
        }
        String lender = codes.computeIfAbsent(lenderId, id -> lenders.findById(id).map(Lender::getCode).orElseThrow());
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.batchUpdate("insert into decision_outbox (id, application_id, routing_key, payload, created_at) values (?, ?, ?, ?, ?)",
                decided, decided.size(), (statement, view) -> {
                    statement.setObject(1, UUID.randomUUID());
                    statement.setObject(2, view.applicationId());
                    statement.setString(3, lender);
                    statement.setString(4, message(lender, view));
                    statement.setTimestamp(5, now);
                });
    }

    private String message(String lender, ApplicationView view) {
        try {
            return json.writeValueAsString(new DecisionMessage(lender, view.applicationId(), view.lenderReference(),
                    view.channel(), view.receivedAt(), view.assessmentLink(), view.decision()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write the decision message for " + view.applicationId(), e);
        }
    }
}
