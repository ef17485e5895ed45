package org.blended.service.review.settlement;

import static org.blended.service.review.settlement.FinalDecisionRows.json;
import static org.blended.service.review.settlement.FinalDecisionRows.timestamp;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.blended.rules.assessment.Outcome;
import org.blended.service.review.cases.CaseConflictException;
import org.blended.service.review.cases.CaseState;
import org.blended.service.review.cases.ReviewCase;
import org.blended.service.review.cases.ReviewCases;
import org.blended.service.review.people.Officer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records a person's final decision on a case, or, for an override in the applicant's favour above
 * the four-eyes amount, a proposal that a second person (a senior officer, never the proposer) must
 * approve. The server enforces both; the pages only show what it allows.
 */
@Service
@EnableConfigurationProperties(SettlementProperties.class)
public class FinalDecisions {

    /** What recording did: decided, or proposed and now waiting for a second approval. */
    public enum Recorded { DECIDED, AWAITING_APPROVAL }

    private static final int MAX_TEXT = 4000;
    private static final Set<Outcome> FINAL = Set.of(Outcome.APPROVE, Outcome.APPROVE_WITH_CONDITIONS, Outcome.DECLINE);

    private final JdbcTemplate jdbc;
    private final ReviewCases cases;
    private final FinalDecisionChain chain;
    private final List<FinalDecisionListener> listeners;
    private final SettlementProperties properties;
    private final Clock clock;

    public FinalDecisions(JdbcTemplate jdbc, ReviewCases cases, FinalDecisionChain chain, List<FinalDecisionListener> listeners,
                          SettlementProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.chain = chain;
        this.listeners = listeners;
        this.properties = properties;
        this.clock = clock;
    }

    public SettlementProperties properties() {
        return properties;
    }

    @Transactional
    public Recorded record(Officer officer, UUID caseId, long version, Settlement settlement) {
        ReviewCase c = cases.get(officer.lenderId(), caseId);
        if (c.state() == CaseState.DECIDED || c.state() == CaseState.AWAITING_APPROVAL) {
            throw new CaseConflictException("This case is already " + (c.state() == CaseState.DECIDED ? "decided"
                    : "waiting for a second approval") + ": nothing was recorded");
        }
        if (c.state() == CaseState.ASSIGNED && !officer.username().equals(c.assignedTo())) {
            throw new CaseConflictException("This case is with " + c.assignedTo() + ": take it before deciding");
        }
        Automated automated = automated(c);
        Direction direction = check(settlement, automated);
        if (direction == Direction.MORE_FAVOURABLE && automated.amount().compareTo(properties.fourEyesAbove()) > 0) {
            cases.move(c, version, CaseState.AWAITING_APPROVAL, officer.username());
            jdbc.update("insert into final_decision_proposal (id, case_id, outcome, conditions, criteria, rationale, "
                            + "override_reason, direction, proposed_by, proposed_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    UUID.randomUUID(), c.id(), settlement.outcome().name(), json(settlement.conditions()),
                    json(settlement.criteria()), settlement.rationale(), settlement.overrideReason(), direction.name(),
                    officer.username(), timestamp(now()));
            return Recorded.AWAITING_APPROVAL;
        }
        cases.move(c, version, CaseState.DECIDED, officer.username());
        store(c, automated, settlement, direction, officer.username(), null);
        return Recorded.DECIDED;
    }

    /** A senior officer other than the proposer approves the waiting proposal: it becomes the final decision. */
    @Transactional
    public void approve(Officer officer, UUID caseId, long version) {
        ReviewCase c = cases.get(officer.lenderId(), caseId);
        Proposal proposal = secondPerson(officer, c);
        Settlement settlement = new Settlement(proposal.outcome(), proposal.conditions(), proposal.rationale(),
                proposal.overrideReason(), proposal.criteria());
        cases.move(c, version, CaseState.DECIDED, c.assignedTo());
        settle(proposal, "APPROVED", officer.username(), null);
        store(c, automated(c), settlement, proposal.direction(), proposal.proposedBy(), officer.username());
    }

    /** A senior officer sends the proposal back to its proposer, saying why; the case is theirs again. */
    @Transactional
    public void sendBack(Officer officer, UUID caseId, long version, String why) {
        ReviewCase c = cases.get(officer.lenderId(), caseId);
        Proposal proposal = secondPerson(officer, c);
        String note = why == null ? "" : why.strip();
        if (note.isEmpty() || note.length() > MAX_TEXT) {
            throw SettlementRefusedException.invalid("Say why the proposal goes back (up to " + MAX_TEXT + " characters)");
        }
        cases.move(c, version, CaseState.ASSIGNED, proposal.proposedBy());
        settle(proposal, "RETURNED", officer.username(), note);
    }

    public Optional<FinalDecision> ofApplication(UUID applicationId) {
        return jdbc.query("select " + FinalDecisionRows.COLUMNS + " from final_decision f where f.application_id = ?",
                (rs, row) -> FinalDecisionRows.read(rs), applicationId).stream().findFirst();
    }

    /** The proposals made on a case, newest first: the first is the one waiting, if any. */
    public List<Proposal> proposals(UUID caseId) {
        return jdbc.query("select " + FinalDecisionRows.PROPOSAL_COLUMNS + " from final_decision_proposal where case_id = ? "
                + "order by proposed_at desc", (rs, row) -> FinalDecisionRows.readProposal(rs), caseId);
    }

    private Proposal secondPerson(Officer officer, ReviewCase c) {
        if (c.state() != CaseState.AWAITING_APPROVAL) {
            throw new CaseConflictException("This case is waiting for no approval");
        }
        Proposal proposal = proposals(c.id()).stream().filter(Proposal::pending).findFirst()
                .orElseThrow(() -> new CaseConflictException("This case has no proposal waiting"));
        if (!officer.senior()) {
            throw SettlementRefusedException.forbidden("Only a senior officer may approve or send back an override");
        }
        if (officer.username().equals(proposal.proposedBy())) {
            throw SettlementRefusedException.forbidden("You proposed this override: another senior officer must approve it");
        }
        return proposal;
    }

    private void settle(Proposal proposal, String how, String by, String note) {
        int changed = jdbc.update("update final_decision_proposal set settled = ?, settled_by = ?, settled_at = ?, settle_note = ? "
                + "where id = ? and settled is null", how, by, timestamp(now()), note, proposal.id());
        if (changed != 1) {
            throw new CaseConflictException("Someone else settled this proposal since you opened it");
        }
    }

    private record Automated(UUID decisionId, Outcome outcome, String ruleSetVersion, BigDecimal amount, Set<String> criteria) {
    }

    private Automated automated(ReviewCase c) {
        Map<String, Object> row = jdbc.queryForMap("select d.outcome, d.rule_set_version, a.amount from decision d "
                + "join application a on a.id = d.application_id where d.id = ?", c.decisionId());
        Set<String> criteria = new HashSet<>(jdbc.queryForList(
                "select distinct criterion from decision_reason where decision_id = ? and criterion is not null",
                String.class, c.decisionId()));
        return new Automated(c.decisionId(), Outcome.valueOf((String) row.get("outcome")), (String) row.get("rule_set_version"),
                (BigDecimal) row.get("amount"), criteria);
    }

    /** Checks the settlement against the automated decision; answers the override's direction, if it is one. */
    private Direction check(Settlement s, Automated automated) {
        if (s.outcome() == null || !FINAL.contains(s.outcome())) {
            throw SettlementRefusedException.invalid("Outcome: choose approve, approve with conditions or decline");
        }
        if (s.rationale().isEmpty()) {
            throw SettlementRefusedException.invalid("Rationale: say why this is the final decision");
        }
        if (s.rationale().length() > MAX_TEXT) {
            throw SettlementRefusedException.invalid("Rationale: at most " + MAX_TEXT + " characters");
        }
        if (s.outcome() == Outcome.APPROVE_WITH_CONDITIONS && s.conditions().isEmpty()) {
            throw SettlementRefusedException.invalid("Conditions: an approval with conditions needs at least one");
        }
        if (s.outcome() != Outcome.APPROVE_WITH_CONDITIONS && !s.conditions().isEmpty()) {
            throw SettlementRefusedException.invalid("Conditions: only an approval with conditions has them; "
                    + "clear them, or choose approve with conditions");
        }
        if (s.conditions().stream().anyMatch(text -> text.length() > 1000) || s.conditions().size() > 30) {
            throw SettlementRefusedException.invalid("Conditions: at most 30, each up to 1,000 characters");
        }
        for (String criterion : s.criteria()) {
            if (!automated.criteria().contains(criterion)) {
                throw SettlementRefusedException.invalid("Criteria: " + criterion + " is not a criterion of this decision");
            }
        }
        Direction direction = Direction.of(automated.outcome(), s.outcome());
        if (direction == null) {
            if (s.overrideReason() != null) {
                throw SettlementRefusedException.invalid("Override reason: the final outcome is the automated one, so it is no override");
            }
            return null;
        }
        if (s.overrideReason() == null) {
            throw SettlementRefusedException.invalid("Override reason: the final outcome differs from the automated one ("
                    + automated.outcome() + "), so choose why");
        }
        if (!properties.overrideReasons().containsKey(s.overrideReason())) {
            throw SettlementRefusedException.invalid("Override reason: " + s.overrideReason() + " is not one of "
                    + String.join(", ", properties.overrideReasons().keySet()));
        }
        return direction;
    }

    private void store(ReviewCase c, Automated automated, Settlement s, Direction direction, String decidedBy, String approvedBy) {
        FinalDecisionChain.Head head = chain.lockHead();
        FinalDecision unsealed = new FinalDecision(UUID.randomUUID(), c.id(), c.decisionId(), c.applicationId(), c.lenderId(),
                automated.outcome(), automated.ruleSetVersion(), s.outcome(), s.conditions(), s.criteria(), s.rationale(),
                s.overrideReason(), direction, decidedBy, approvedBy, c.openedAt().truncatedTo(ChronoUnit.MICROS), now(),
                head.sequence() + 1, head.hash(), null);
        String hash = FinalDecisionFingerprint.of(unsealed, chain.automatedHash(c.decisionId()));
        FinalDecision d = new FinalDecision(unsealed.id(), unsealed.caseId(), unsealed.decisionId(), unsealed.applicationId(),
                unsealed.lenderId(), unsealed.automatedOutcome(), unsealed.ruleSetVersion(), unsealed.outcome(),
                unsealed.conditions(), unsealed.criteria(), unsealed.rationale(), unsealed.overrideReason(), unsealed.direction(),
                unsealed.decidedBy(), unsealed.approvedBy(), unsealed.caseOpenedAt(), unsealed.decidedAt(), unsealed.sequence(),
                unsealed.previousHash(), hash);
        jdbc.update("insert into final_decision (id, case_id, decision_id, application_id, lender_id, automated_outcome, "
                        + "rule_set_version, outcome, conditions, criteria, rationale, override_reason, direction, decided_by, "
                        + "approved_by, case_opened_at, decided_at, sequence, previous_hash, hash) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                d.id(), d.caseId(), d.decisionId(), d.applicationId(), d.lenderId(), d.automatedOutcome().name(),
                d.ruleSetVersion(), d.outcome().name(), json(d.conditions()), json(d.criteria()), d.rationale(),
                d.overrideReason(), d.direction() == null ? null : d.direction().name(), d.decidedBy(), d.approvedBy(),
                timestamp(d.caseOpenedAt()), timestamp(d.decidedAt()), d.sequence(), d.previousHash(), d.hash());
        chain.moveHead(d);
        listeners.forEach(listener -> listener.recorded(d));
    }

    /** Microseconds: what the database of record keeps, so the hash computed now holds when read back. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
