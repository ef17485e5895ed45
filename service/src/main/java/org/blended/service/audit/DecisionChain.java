package org.blended.service.audit;

import org.blended.service.decision.Decision;
import org.blended.service.decision.DecisionSeal;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hands out the next links of the decision chain. The head row is locked until the storing
 * transaction ends, so links are handed out one at a time even across service instances; a
 * chunk of decisions takes the lock once.
 */
@Component
class DecisionChain implements DecisionSeal {

    public static final String GENESIS = "0".repeat(64);

    private final JdbcTemplate jdbc;

    public DecisionChain(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The head of the chain, locked; call inside the transaction that stores the decisions. */
    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Link head() {
        return jdbc.queryForObject("select last_sequence, last_hash from decision_chain where id = 1 for update",
                (rs, row) -> new Link(rs.getLong(1), rs.getString(2)));
    }

    /** Seals the decision with its hash; it must have been built on {@code link.next...()}. */
    @Override
    public Link seal(Decision decision, String applicationPayload) {
        decision.seal(DecisionFingerprint.of(decision, applicationPayload));
        return new Link(decision.getSequence(), decision.getHash());
    }

    /** Moves the head of the chain to the last decision sealed. */
    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void moveHead(Link last) {
        jdbc.update("update decision_chain set last_sequence = ?, last_hash = ? where id = 1", last.sequence(), last.hash());
    }

}
