package org.blended.service.review.settlement;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The chain of final decisions (head row 2 of decision_chain): each link seals a final decision
 * with the automated decision's hash and the previous final decision's hash. The head is locked
 * until the storing transaction ends, so links are handed out one at a time across instances.
 */
@Component
public class FinalDecisionChain {

    static final String GENESIS = "0".repeat(64);
    private static final int PAGE = 500;

    private final JdbcTemplate jdbc;

    FinalDecisionChain(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record Head(long sequence, String hash) {
    }

    @Transactional(propagation = Propagation.MANDATORY)
    Head lockHead() {
        return jdbc.queryForObject("select last_sequence, last_hash from decision_chain where id = 2 for update",
                (rs, row) -> new Head(rs.getLong(1), rs.getString(2)));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void moveHead(FinalDecision last) {
        jdbc.update("update decision_chain set last_sequence = ?, last_hash = ? where id = 2", last.sequence(), last.hash());
    }

    String automatedHash(UUID decisionId) {
        return jdbc.queryForObject("select hash from decision where id = ?", String.class, decisionId);
    }

    /** The first final decision whose link does not hold, if any. */
    public record Broken(long sequence, UUID finalDecisionId, UUID applicationId, String problem) {
    }

    public record Verified(long checked, Broken firstBroken) {
        public boolean intact() {
            return firstBroken == null;
        }
    }

    @Transactional(readOnly = true)
    public Verified verify() {
        long expected = 1;
        String previous = GENESIS;
        long checked = 0;
        while (true) {
            List<Object[]> page = jdbc.query("select " + FinalDecisionRows.COLUMNS + ", d.hash from final_decision f "
                            + "left join decision d on d.id = f.decision_id where f.sequence >= ? order by f.sequence limit " + PAGE,
                    (rs, row) -> new Object[] {FinalDecisionRows.read(rs), rs.getString(21)}, expected);
            if (page.isEmpty()) {
                break;
            }
            for (Object[] row : page) {
                FinalDecision f = (FinalDecision) row[0];
                String problem = f.sequence() != expected ? "final decision " + expected + " is missing: the next one found is " + f.sequence()
                        : !previous.equals(f.previousHash()) ? "it does not chain to the previous final decision's hash"
                        : !FinalDecisionFingerprint.of(f, (String) row[1]).equals(f.hash())
                        ? "its content, or the automated decision it settles, no longer matches its hash: a row was changed"
                        : null;
                if (problem != null) {
                    return new Verified(checked, new Broken(f.sequence(), f.id(), f.applicationId(), problem));
                }
                checked++;
                expected++;
                previous = f.hash();
            }
        }
        Map<String, Object> head = jdbc.queryForMap("select last_sequence, last_hash from decision_chain where id = 2");
        if (((Number) head.get("last_sequence")).longValue() != expected - 1 || !previous.equals(head.get("last_hash"))) {
            return new Verified(checked, new Broken(expected, null, null, "the final decisions end at " + (expected - 1)
                    + " but their head records " + head.get("last_sequence") + ": final decisions were removed"));
        }
        return new Verified(checked, null);
    }
}
