package org.blended.service.assessment;

import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.AgendaFilter;
import org.kie.api.runtime.rule.Match;

/**
 * One evaluation's firing budget and its stop switch. A session is halted only while this
 * evaluation fires its rules: once they stop, the session goes back to its pool and may be
 * another evaluation's, which a late stop must not reach.
 */
final class Evaluation implements AgendaFilter {

    private final int maxFirings;
    private final Object lock = new Object();
    private KieSession firing; // guarded by lock
    private volatile RuntimeException stopped;

    Evaluation(int maxFirings) {
        this.maxFirings = maxFirings;
    }

    /**
     * Fires the session's rules until none is left; fails past the firing budget, or with the
     * reason it was stopped for.
     */
    void fire(KieSession session, String ruleSet) {
        synchronized (lock) {
            throwIfStopped();
            firing = session;
        }
        int fired;
        try {
            // One firing past the budget tells "went past it" from "needed exactly all of it".
            fired = session.fireAllRules(this, maxFirings == Integer.MAX_VALUE ? maxFirings : maxFirings + 1);
        } finally {
            synchronized (lock) {
                firing = null;
            }
        }
        throwIfStopped();
        if (fired > maxFirings) {
            throw EvaluationLimitException.firings(ruleSet, maxFirings);
        }
    }

    /** Stops the evaluation: a session firing is halted at once, one not yet firing never starts. */
    void stop(RuntimeException why) {
        synchronized (lock) {
            if (stopped == null) {
                stopped = why;
            }
            if (firing != null) {
                firing.halt();
            }
        }
    }

    RuntimeException stopped() {
        return stopped;
    }

    /**
     * Checked before each firing: halt() is lost on a session that has not started firing yet,
     * and a stopped evaluation must not fire a rule more whenever the stop came.
     */
    @Override
    public boolean accept(Match match) {
        return stopped == null;
    }

    private void throwIfStopped() {
        if (stopped != null) {
            throw stopped;
        }
    }
}
