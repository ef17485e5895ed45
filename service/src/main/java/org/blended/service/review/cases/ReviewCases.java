package org.blended.service.review.cases;

import static org.blended.service.review.cases.CaseRows.timestamp;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.blended.service.review.people.Officer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens review cases and moves them along. Every change of state checks the version it read, so
 * two officers acting on one case at once cannot both succeed: the second is told it changed.
 */
@Service
@EnableConfigurationProperties(CaseProperties.class)
public class ReviewCases {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final CaseProperties properties;
    private final WorkingDays workingDays;

    public ReviewCases(JdbcTemplate jdbc, Clock clock, CaseProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
        ZoneId zone = clock.getZone();
        this.workingDays = new WorkingDays(zone, new HashSet<>(properties.holidays()));
    }

    /** Opens a case for each referred decision among these, in the transaction that records them. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void openReferred(UUID lenderId, Collection<UUID> referredApplicationIds) {
        if (referredApplicationIds.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        Instant due = workingDays.after(now, properties.targetWorkingDays());
        List<Object[]> rows = new ArrayList<>();
        Object[] ids = referredApplicationIds.toArray();
        // IN with a mark each (a chunk is at most a few hundred): arrays differ between PostgreSQL and H2.
        String marks = String.join(", ", java.util.Collections.nCopies(ids.length, "?"));
        jdbc.query("select d.id, d.application_id, a.received_at from decision d join application a on a.id = d.application_id "
                        + "where d.application_id in (" + marks + ")",
                rs -> {
                    rows.add(new Object[] {UUID.randomUUID(), rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                            lenderId, OpenedBecause.REFERRED.name(), timestamp(now), timestamp(due), CaseState.OPEN.name(),
                            rs.getTimestamp(3)});
                }, ids);
        jdbc.batchUpdate("insert into review_case (id, decision_id, application_id, lender_id, opened_because, opened_at, "
                + "due_at, state, received_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
    }

    @Transactional(readOnly = true)
    public Optional<ReviewCase> find(UUID lenderId, UUID caseId) {
        return jdbc.query("select " + CaseRows.COLUMNS + " from review_case c where c.id = ? and c.lender_id = ?",
                (rs, row) -> CaseRows.read(rs), caseId, lenderId).stream().findFirst();
    }

    public ReviewCase get(UUID lenderId, UUID caseId) {
        return find(lenderId, caseId).orElseThrow(() -> new CaseNotFoundException(caseId));
    }

    @Transactional(readOnly = true)
    public Optional<ReviewCase> ofApplication(UUID applicationId) {
        return jdbc.query("select " + CaseRows.COLUMNS + " from review_case c where c.application_id = ?",
                (rs, row) -> CaseRows.read(rs), applicationId).stream().findFirst();
    }

    /** An officer opens a case on any decision of their lender; one there already is returned as it is. */
    @Transactional
    public ReviewCase openByOfficer(Officer officer, UUID applicationId) {
        Optional<ReviewCase> existing = ofApplication(applicationId).filter(c -> c.lenderId().equals(officer.lenderId()));
        if (existing.isPresent()) {
            return existing.get();
        }
        UUID decisionId = decisionOf(officer.lenderId(), applicationId)
                .orElseThrow(() -> new org.blended.service.decision.ApplicationNotFoundException(applicationId));
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        jdbc.update("insert into review_case (id, decision_id, application_id, lender_id, opened_because, opened_by, "
                        + "opened_at, due_at, state, assigned_to, assigned_at, received_at) "
                        + "select ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, a.received_at from application a where a.id = ?",
                id, decisionId, applicationId, officer.lenderId(), OpenedBecause.OFFICER.name(), officer.username(),
                timestamp(now), timestamp(workingDays.after(now, properties.targetWorkingDays())), CaseState.ASSIGNED.name(),
                officer.username(), timestamp(now), applicationId);
        return get(officer.lenderId(), id);
    }

    /** What became of an applicant's request for a person to review their decision. */
    public enum RequestAnswer { RECEIVED, ASKED_BEFORE, DECIDED_ALREADY }

    /**
     * The applicant asks a person to review the decision, once per decision: it opens a case, or is
     * added to the one already open, and must be answered within the configured days.
     */
    @Transactional
    public RequestAnswer request(UUID applicationId, String text) {
        Instant now = clock.instant();
        Instant answerBy = now.plus(java.time.Duration.ofDays(properties.requestAnswerDays()));
        Optional<ReviewCase> existing = ofApplication(applicationId);
        if (existing.isPresent()) {
            ReviewCase c = existing.get();
            if (c.requestedAt() != null) {
                return RequestAnswer.ASKED_BEFORE;
            }
            if (c.state() == CaseState.DECIDED) {
                return RequestAnswer.DECIDED_ALREADY;
            }
            int changed = jdbc.update("update review_case set requested_at = ?, request_text = ?, request_due_at = ?, "
                    + "version = version + 1 where id = ? and requested_at is null", timestamp(now), text, timestamp(answerBy), c.id());
            return changed == 1 ? RequestAnswer.RECEIVED : RequestAnswer.ASKED_BEFORE;
        }
        var decision = jdbc.queryForMap("select d.id, d.lender_id, a.received_at from decision d "
                + "join application a on a.id = d.application_id where d.application_id = ?", applicationId);
        jdbc.update("insert into review_case (id, decision_id, application_id, lender_id, opened_because, opened_at, due_at, "
                        + "state, requested_at, request_text, request_due_at, received_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                UUID.randomUUID(), decision.get("id"), applicationId, decision.get("lender_id"), OpenedBecause.REQUESTED.name(),
                timestamp(now), timestamp(workingDays.after(now, properties.targetWorkingDays())), CaseState.OPEN.name(),
                timestamp(now), text, timestamp(answerBy), decision.get("received_at"));
        return RequestAnswer.RECEIVED;
    }

    /** The officer takes the case (from the queue, or from a colleague). */
    @Transactional
    public void take(Officer officer, UUID caseId, long version) {
        ReviewCase c = get(officer.lenderId(), caseId);
        if (c.state() == CaseState.DECIDED || c.state() == CaseState.AWAITING_APPROVAL) {
            throw new CaseConflictException("This case is " + describe(c.state()) + ": it cannot be taken");
        }
        move(c, version, CaseState.ASSIGNED, officer.username());
    }

    /** Hands the case back to the queue. */
    @Transactional
    public void release(Officer officer, UUID caseId, long version) {
        ReviewCase c = get(officer.lenderId(), caseId);
        if (c.state() != CaseState.ASSIGNED) {
            throw new CaseConflictException("This case is " + describe(c.state()) + ": only an assigned case can be released");
        }
        move(c, version, CaseState.OPEN, null);
    }

    /** Moves a case on, for the settlement of its decision; the caller checked who may. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void move(ReviewCase c, long version, CaseState state, String assignedTo) {
        Instant now = clock.instant();
        boolean reassigned = assignedTo != null && !assignedTo.equals(c.assignedTo());
        int changed = jdbc.update("update review_case set state = ?, assigned_to = ?, assigned_at = ?, decided_at = ?, "
                        + "version = version + 1 where id = ? and version = ?",
                state.name(), assignedTo, timestamp(assignedTo == null ? null : reassigned ? now : c.assignedAt()),
                timestamp(state == CaseState.DECIDED ? now : null), c.id(), version);
        if (changed != 1) {
            throw new CaseConflictException("Someone else changed this case since you opened it: look at it again");
        }
    }

    @Transactional
    public void note(Officer officer, UUID caseId, String text) {
        get(officer.lenderId(), caseId);
        jdbc.update("insert into case_note (id, case_id, written_by, written_at, text) values (?, ?, ?, ?, ?)",
                UUID.randomUUID(), caseId, officer.username(), timestamp(clock.instant()), text);
    }

    @Transactional(readOnly = true)
    public List<CaseNote> notes(UUID caseId) {
        return jdbc.query("select written_by, written_at, text from case_note where case_id = ? order by written_at, id",
                (rs, row) -> new CaseNote(rs.getString(1), CaseRows.instant(rs, 2), rs.getString(3)), caseId);
    }

    private Optional<UUID> decisionOf(UUID lenderId, UUID applicationId) {
        return jdbc.query("select id from decision where application_id = ? and lender_id = ?",
                (rs, row) -> rs.getObject(1, UUID.class), applicationId, lenderId).stream().findFirst();
    }

    static String describe(CaseState state) {
        return switch (state) {
            case OPEN -> "waiting for an officer";
            case ASSIGNED -> "with an officer";
            case AWAITING_APPROVAL -> "waiting for a second approval";
            case DECIDED -> "decided";
        };
    }
}
