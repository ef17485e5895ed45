package org.blended.service.audit;

import org.blended.service.assessment.Decision;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hands out the next link of the decision chain. The head row is locked until the storing
 * transaction ends, so links are handed out one at a time even across service instances.
 */
@Component
public class DecisionChain {

    public static final String GENESIS = "0".repeat(64);

    private final JdbcTemplate jdbc;

    public DecisionChain(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The next position and the hash it chains to; call inside the transaction that stores the decision. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Link next() {
        return jdbc.queryForObject("select last_sequence, last_hash from decision_chain where id = 1 for update",
                (rs, row) -> new Link(rs.getLong(1) + 1, rs.getString(2)));
    }

    /** Seals the decision with its hash and moves the head of the chain to it. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void append(Decision decision, String applicationPayload) {
        decision.seal(DecisionFingerprint.of(decision, applicationPayload));
        jdbc.update("update decision_chain set last_sequence = ?, last_hash = ? where id = 1",
                decision.getSequence(), decision.getHash());
    }

    public record Link(long sequence, String previousHash) {
    }
}
