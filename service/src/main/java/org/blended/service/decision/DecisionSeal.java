package org.blended.service.decision;

/**
 * Seals each decision into the tamper-evident chain as it is recorded. The recording side owns
 * this interface and the audit feature implements it, so the chain can read decisions back
 * without the recorder depending on it.
 */
public interface DecisionSeal {

    /** The head of the chain, locked until the recording transaction ends. */
    Link head();

    /** Seals the decision with its hash; it must have been built on {@code link.next...()}. */
    Link seal(Decision decision, String applicationPayload);

    /** Moves the head of the chain to the last decision sealed. */
    void moveHead(Link last);

    /** A position in the chain and the hash there; the next decision takes {@code sequence + 1} and chains to {@code hash}. */
    record Link(long sequence, String hash) {
    }
}
