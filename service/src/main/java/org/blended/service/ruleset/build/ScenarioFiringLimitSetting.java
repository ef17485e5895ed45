package org.blended.service.ruleset.build;

import org.blended.service.assessment.EvaluationLimits;
import org.springframework.stereotype.Component;

/** A draft's Test Scenarios may fire as many rules as one evaluation: the same {@code blended.rules.max-firings}. */
@Component
class ScenarioFiringLimitSetting {

    ScenarioFiringLimitSetting(EvaluationLimits limits) {
        ScenarioFiringLimit.maxFirings = limits.maxFirings();
    }
}
