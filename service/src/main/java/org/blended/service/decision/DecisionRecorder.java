package org.blended.service.decision;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.blended.rules.application.Application;
import org.blended.rules.assessment.MeasureValue;
import org.blended.rules.assessment.Outcome;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores applications and their decisions, chained to the decisions before and queued for
 * publishing: all or nothing. A (lender, reference) already on record is not stored again; its
 * first decision is returned instead. Two instances storing the same reference at once collide on
 * the reference's primary key, and the loser's transaction rolls back (the caller retries it).
 */
@Service
public class DecisionRecorder {

    private final DecisionWriter writer;
    private final DecisionSeal chain;
    private final List<RecordedDecisionListener> listeners;
    private final ObjectProvider<AssessedDecisionListener> assessedListeners;
    private final NamedParameterJdbcTemplate jdbc;
    private final ObjectMapper objectMapper;
    private final Clock clock;

    public DecisionRecorder(DecisionWriter writer, DecisionSeal chain, List<RecordedDecisionListener> listeners,
                            ObjectProvider<AssessedDecisionListener> assessedListeners,
                            NamedParameterJdbcTemplate jdbc, ObjectMapper objectMapper, Clock clock) {
        this.writer = writer;
        this.chain = chain;
        this.listeners = listeners;
        this.assessedListeners = assessedListeners;
        this.jdbc = jdbc;
        this.objectMapper = objectMapper;
        this.clock = clock;
    }

    /** The lender's references already decided, with the application and outcome of each. */
    private Map<String, Earlier> earlier(UUID lenderId, Collection<String> references) {
        Map<String, Earlier> found = new HashMap<>();
        if (references.isEmpty()) {
            return found;
        }
        // Two plain index lookups: usually nothing is found and the second is not needed.
        Map<UUID, String> byApplication = new HashMap<>();
        jdbc.query("select lender_reference, application_id from application_reference "
                        + "where lender_id = :lender and lender_reference in (:references)",
                new MapSqlParameterSource("lender", lenderId).addValue("references", references),
                rs -> {
                    byApplication.put(rs.getObject(2, UUID.class), rs.getString(1));
                });
        if (!byApplication.isEmpty()) {
            jdbc.query("select application_id, outcome from decision where application_id in (:applications)",
                    new MapSqlParameterSource("applications", byApplication.keySet()), rs -> {
                        UUID application = rs.getObject(1, UUID.class);
                        found.put(byApplication.get(application), new Earlier(application, Outcome.valueOf(rs.getString(2))));
                    });
        }
        return found;
    }

    /** The application under which the lender's reference was decided, if it was. */
    public java.util.Optional<UUID> decidedBefore(UUID lenderId, String reference) {
        Earlier found = reference == null ? null : earlier(lenderId, List.of(reference)).get(reference);
        return java.util.Optional.ofNullable(found).map(Earlier::applicationId);
    }

    /** Stores every assessed submission of one lender whose reference is new, in the order given. */
    @Transactional
    public List<Recorded> record(UUID lenderId, List<Assessed> assessed) {
        Map<String, Earlier> earlier = earlier(lenderId, assessed.stream().map(Assessed::reference).toList());
        List<Recorded> recorded = new ArrayList<>(assessed.size());
        List<StoredApplication> stored = new ArrayList<>();
        List<Assessed> toDecide = new ArrayList<>();
        List<String> payloads = new ArrayList<>();
        // The applications of a chunk share one list of lender values: written as JSON once.
        Map<List<MeasureValue>, String> valuesJson = new IdentityHashMap<>();
        for (Assessed item : assessed) {
            Earlier before = earlier.get(item.reference());
            if (before != null) {
                recorded.add(new Recorded(item, before.applicationId(), before.outcome(), true, null));
                continue;
            }
            var submission = item.submission();
            var applicant = item.application().getApplicant();
            var request = item.application().getRequest();
            String payload = canonicalJson(item.application());
            StoredApplication application = new StoredApplication(lenderId, item.reference(),
                    submission.channel(), submission.source(), applicant.getLegalName(), applicant.getLegalForm(),
                    request.getType(), request.getAmount(), payload, valuesJson.computeIfAbsent(item.lenderValues(), this::lenderValuesJson),
                    item.receivedAt(), submission.batchId(),
                    submission.batchRow());
            // A reference repeated within the same chunk gets the decision of its first row.
            earlier.put(item.reference(), new Earlier(application.getId(), item.assessment().getOutcome()));
            stored.add(application);
            toDecide.add(item);
            payloads.add(payload);
            recorded.add(null); // filled in below, once the decision is chained
        }
        claimReferences(lenderId, stored);

        // Taken last: the chain's head stays locked only from here to the commit.
        DecisionSeal.Link link = chain.head();
        List<Decision> made = new ArrayList<>(stored.size());
        for (int i = 0; i < stored.size(); i++) {
            Assessed item = toDecide.get(i);
            Decision decision = new Decision(stored.get(i).getId(), lenderId, item.assessment(), item.ruleSetVersion(),
                    clock.instant().truncatedTo(ChronoUnit.MICROS), item.evaluationMicros(), link.sequence() + 1, link.hash());
            link = chain.seal(decision, payloads.get(i));
            made.add(decision);
        }
        if (!made.isEmpty()) {
            chain.moveHead(link);
            writer.insert(stored, made);
        }

        List<ApplicationView> views = new ArrayList<>(made.size());
        for (int i = 0; i < made.size(); i++) {
            views.add(ApplicationView.of(stored.get(i), DecisionView.of(made.get(i))));
        }
        for (RecordedDecisionListener listener : listeners) {
            listener.recorded(lenderId, views);
        }
        if (!views.isEmpty()) {
            assessedListeners.orderedStream().forEach(listener -> listener.recorded(lenderId, views, toDecide));
        }
        int next = 0;
        for (int i = 0; i < recorded.size(); i++) {
            if (recorded.get(i) == null) {
                ApplicationView view = views.get(next);
                recorded.set(i, new Recorded(toDecide.get(next), view.applicationId(), view.outcome(), false, view));
                next++;
            }
        }
        return recorded;
    }

    private void claimReferences(UUID lenderId, List<StoredApplication> stored) {
        jdbc.batchUpdate("insert into application_reference (lender_id, lender_reference, application_id) "
                        + "values (:lender, :reference, :application)",
                stored.stream().map(a -> new MapSqlParameterSource("lender", lenderId)
                        .addValue("reference", a.getLenderReference()).addValue("application", a.getId()))
                        .toArray(MapSqlParameterSource[]::new));
    }

    /** The application as the rules saw it, so that a replay reads exactly the same input. */
    /** Null when the lender values nothing itself, which most do not. */
    private String lenderValuesJson(List<MeasureValue> values) {
        if (values.isEmpty()) {
            return null;
        }
        try {
            return objectMapper.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not serialise the lender's measure values", e);
        }
    }

    private String canonicalJson(Application application) {
        try {
            return objectMapper.writeValueAsString(application);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not serialise application " + application.getLenderReference(), e);
        }
    }

    public record Earlier(UUID applicationId, Outcome outcome) {
    }
}
