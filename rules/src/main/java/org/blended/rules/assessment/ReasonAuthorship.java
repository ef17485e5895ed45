package org.blended.rules.assessment;

import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;

/** Records on each reason the name of the rule whose consequence inserted it. */
public class ReasonAuthorship extends DefaultRuleRuntimeEventListener {

    @Override
    public void objectInserted(ObjectInsertedEvent event) {
        if (event.getObject() instanceof Reason reason && reason.getRule() == null && event.getRule() != null) {
            reason.setRule(event.getRule().getName());
        }
    }
}
