package org.blended.service.assessment;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.blended.rules.application.Application;
import org.blended.rules.assessment.Assessment;
import org.blended.rules.assessment.MeasureValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The active rule set. Publishing swaps it in one step: an evaluation takes the active version
 * once, finishes on it even if another is published meanwhile, and its decision names it.
 */
@Component
public class RuleEngine {

    private static final Logger log = LoggerFactory.getLogger(RuleEngine.class);

    private final AtomicReference<CompiledRuleSet> active = new AtomicReference<>();

    /** The version new applications are assessed with. */
    public CompiledRuleSet active() {
        CompiledRuleSet rules = active.get();
        if (rules == null) {
            throw new IllegalStateException("No rule set is active yet");
        }
        return rules;
    }

    /** Makes the given version the one new evaluations use; evaluations under way keep theirs. */
    public void activate(CompiledRuleSet rules) {
        CompiledRuleSet before = active.getAndSet(rules);
        if (before == null || before.version() != rules.version()) {
            log.info("Rule set {} (version {}) is now active{}", rules.label(), rules.version(),
                    before == null ? "" : " in place of " + before.label());
        }
    }

    /** Assesses with the active version. */
    public Assessment evaluate(Application application, LocalDate assessedOn) {
        return evaluate(application, assessedOn, List.of());
    }

    /** The same, with the lender's own measure values beside the application. */
    public Assessment evaluate(Application application, LocalDate assessedOn, List<MeasureValue> lenderValues) {
        return active().assess(application, assessedOn, lenderValues);
    }
}
