package org.blended.service.ruleset.build;

import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;

/**
 * Stops a session of a compiled draft that fires more rules than any evaluation may, so that a
 * rule firing itself for ever fails its Test Scenario at once instead of holding the validation
 * until its time limit. Named in the kmodule of every rule set the compiler builds, which makes one
 * instance per session; evaluations in the service have their own limits ({@code blended.rules.*}).
 * Public because Drools instantiates it by name from that kmodule.
 */
public class ScenarioFiringLimit extends DefaultAgendaEventListener {

    /** Firings one session may make; the service sets it from {@code blended.rules.max-firings}. */
    static volatile long maxFirings = 10_000;

    private long fired;

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        if (++fired > maxFirings) {
            throw new IllegalStateException("The rule set fired more than " + maxFirings + " rules without finishing "
                    + "(last: \"" + event.getMatch().getRule().getName() + "\"): a rule may fire again and again for ever.");
        }
    }
}
