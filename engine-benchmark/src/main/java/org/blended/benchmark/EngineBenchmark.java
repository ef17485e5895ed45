package org.blended.benchmark;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.blended.rules.application.Application;
import org.blended.rules.assessment.Assessment;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.api.runtime.StatelessKieSession;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One evaluation of the next application of the example mix: by the rule base (a new stateless
 * session, reasons collected with the rules that made them), and by the hand-written baseline.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EngineBenchmark {

    static final LocalDate ON = LocalDate.of(2026, 11, 25);

    KieBase kieBase;
    /** No rules at all: what a stateless session costs before any rule is matched or fired. */
    KieBase emptyRuleBase;
    KieSessionsPool pool;
    /** The first edition of the rule base (parameters as facts, reasons as facts), kept in the rules module's tests. */
    KieSessionsPool firstEdition;
    List<Application> mix;
    int next;

    @Setup
    public void load() {
        var container = KieServices.get().getKieClasspathContainer();
        kieBase = container.getKieBase("blended");
        pool = container.newKieSessionsPool(4);
        emptyRuleBase = KnowledgeBaseFactory.newKnowledgeBase();
        firstEdition = FirstEdition.build().newKieSessionsPool(4);
        mix = ExampleMix.load();
        // An honest comparison: the baseline must reach the engine's outcome on every example.
        for (Application application : mix) {
            var engine = evaluate(application).getOutcome();
            var baseline = HandWrittenAssessment.assess(application, ON).outcome();
            if (engine != baseline) {
                throw new IllegalStateException(application.getLenderReference() + ": engine " + engine + ", baseline " + baseline);
            }
        }
    }

    @Benchmark
    public void engine(Blackhole sink) {
        Assessment assessment = evaluate(mix.get(next++ % mix.size()));
        sink.consume(assessment.getOutcome());
        sink.consume(assessment.getReasons().size());
    }

    @Benchmark
    public void baseline(Blackhole sink) {
        var result = HandWrittenAssessment.assess(mix.get(next++ % mix.size()), ON);
        sink.consume(result.outcome());
        sink.consume(result.reasons().size());
    }

    /** The second edition, pooled as the service runs it. */
    @Benchmark
    public void enginePooled(Blackhole sink) {
        assessPooled(pool, sink);
    }

    /** The same as {@link #enginePooled} with the first edition of the rule base. */
    @Benchmark
    public void firstEditionPooled(Blackhole sink) {
        assessPooled(firstEdition, sink);
    }

    @Benchmark
    public void emptyRuleBase(Blackhole sink) {
        Assessment assessment = new Assessment(ON);
        emptyRuleBase.newStatelessKieSession().execute(List.of(mix.get(next++ % mix.size()), assessment));
        sink.consume(assessment);
    }

    /**
     * As the service evaluates (CompiledRuleSet.assess): a stateful session from the version's pool,
     * the application and an empty assessment inserted, every rule fired, the session given back emptied.
     * Reasons are rendered only when read: the service renders them when it stores the decision, so the
     * officer's and the applicant's texts of every reason are read here too.
     */
    private void assessPooled(KieSessionsPool sessions, Blackhole sink) {
        Application application = mix.get(next++ % mix.size());
        Assessment assessment = new Assessment(ON);
        KieSession session = sessions.newKieSession();
        try {
            session.insert(application);
            session.insert(assessment);
            session.fireAllRules();
        } finally {
            session.dispose();
        }
        sink.consume(assessment.getOutcome());
        for (var reason : assessment.getReasons()) {
            sink.consume(reason.getText());
            sink.consume(reason.getApplicantText());
        }
    }

    Assessment evaluate(Application application) {
        Assessment assessment = new Assessment(ON);
        StatelessKieSession session = kieBase.newStatelessKieSession();
        session.execute(List.of(application, assessment));
        return assessment;
    }
}
