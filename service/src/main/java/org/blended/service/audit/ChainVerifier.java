package org.blended.service.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.blended.service.decision.StoredApplication;
import org.blended.service.decision.StoredApplicationRepository;
import org.blended.service.decision.Decision;
import org.blended.service.decision.DecisionRepository;
import org.blended.service.review.settlement.FinalDecisionChain;
import org.springframework.data.domain.Limit;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Recomputes the decision chain from the stored rows and reports the first link that does not hold. */
@Service
class ChainVerifier {

    private static final int PAGE = 500;

    private final DecisionRepository decisions;
    private final StoredApplicationRepository applications;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final FinalDecisionChain finalDecisions;

    public ChainVerifier(DecisionRepository decisions, StoredApplicationRepository applications, JdbcTemplate jdbc,
                         Clock clock, FinalDecisionChain finalDecisions) {
        this.finalDecisions = finalDecisions;
        this.decisions = decisions;
        this.applications = applications;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record BrokenLink(long sequence, UUID decisionId, UUID applicationId, String problem) {
    }

    /**
     * Both chains: the automated decisions, and the final decisions people recorded beside them (each
     * of which also seals the hash of the automated decision it settles).
     */
    public record Report(boolean intact, long decisionsChecked, BrokenLink firstBrokenLink, Instant verifiedAt,
                         long finalDecisionsChecked, FinalDecisionChain.Broken firstBrokenFinalDecision) {
    }

    @Transactional(readOnly = true)
    public Report verify() {
        Report automated = verifyAutomated();
        FinalDecisionChain.Verified people = finalDecisions.verify();
        return new Report(automated.intact() && people.intact(), automated.decisionsChecked(), automated.firstBrokenLink(),
                automated.verifiedAt(), people.checked(), people.firstBroken());
    }

    private Report verifyAutomated() {
        long expectedSequence = 1;
        String previousHash = DecisionChain.GENESIS;
        long checked = 0;
        List<Decision> page = decisions.findBySequenceGreaterThanOrderBySequenceAsc(0, Limit.of(PAGE));
        while (!page.isEmpty()) {
            Map<UUID, String> payloads = applications.findAllById(page.stream().map(Decision::getApplicationId).toList())
                    .stream().collect(Collectors.toMap(StoredApplication::getId, StoredApplication::getPayload));
            for (Decision d : page) {
                String problem = check(d, expectedSequence, previousHash, payloads.get(d.getApplicationId()));
                if (problem != null) {
                    return broken(checked, d, problem);
                }
                checked++;
                expectedSequence++;
                previousHash = d.getHash();
            }
            page = decisions.findBySequenceGreaterThanOrderBySequenceAsc(page.get(page.size() - 1).getSequence(), Limit.of(PAGE));
        }
        Map<String, Object> head = jdbc.queryForMap("select last_sequence, last_hash from decision_chain where id = 1");
        if (((Number) head.get("last_sequence")).longValue() != expectedSequence - 1 || !previousHash.equals(head.get("last_hash"))) {
            return new Report(false, checked, new BrokenLink(expectedSequence, null, null,
                    "the chain ends at decision " + (expectedSequence - 1) + " but its head records decision "
                            + head.get("last_sequence") + ": decisions were removed"), clock.instant(), 0, null);
        }
        return new Report(true, checked, null, clock.instant(), 0, null);
    }

    private static String check(Decision d, long expectedSequence, String previousHash, String payload) {
        if (d.getSequence() != expectedSequence) {
            return "decision " + expectedSequence + " is missing: the next one found is " + d.getSequence();
        }
        if (!previousHash.equals(d.getPreviousHash())) {
            return "it does not chain to the previous decision's hash";
        }
        if (payload == null) {
            return "its application is missing";
        }
        if (!DecisionFingerprint.of(d, payload).equals(d.getHash())) {
            return "its content or its application no longer matches its hash: the row was changed";
        }
        return null;
    }

    private Report broken(long checked, Decision d, String problem) {
        return new Report(false, checked, new BrokenLink(d.getSequence(), d.getId(), d.getApplicationId(), problem),
                clock.instant(), 0, null);
    }
}
