package org.blended.benchmark;

import java.util.List;

import org.blended.rules.application.Application;
import org.blended.rules.assessment.Assessment;
import org.kie.api.KieServices;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.StatelessKieSession;

/** How many rules fire, on average, in one evaluation of the example mix: the work the engine cannot skip. */
final class RuleFirings {

    private RuleFirings() {
    }

    static double perEvaluation(List<Application> mix) {
        var kieBase = KieServices.get().getKieClasspathContainer().getKieBase("blended");
        int[] fired = {0};
        for (Application application : mix) {
            StatelessKieSession session = kieBase.newStatelessKieSession();
            session.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void afterMatchFired(AfterMatchFiredEvent event) {
                    fired[0]++;
                }
            });
            session.execute(List.of(application, new Assessment(EngineBenchmark.ON)));
        }
        return (double) fired[0] / mix.size();
    }
}
