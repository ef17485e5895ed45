package org.blended.benchmark;

import java.util.Collection;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** Runs the engine benchmark and prints evaluations per second, microseconds each, and the ratio. */
public final class EngineBenchmarkReport {

    private EngineBenchmarkReport() {
    }

    public static void main(String[] args) throws RunnerException {
        Options options = new OptionsBuilder()
                .include(EngineBenchmark.class.getSimpleName())
                .forks(1)
                .warmupIterations(3).warmupTime(TimeValue.seconds(2))
                .measurementIterations(5).measurementTime(TimeValue.seconds(2))
                .jvmArgsAppend("-Dblended.examples=" + System.getProperty("blended.examples", "examples/applications"))
                .build();
        Collection<RunResult> results = new Runner(options).run();
        double engine = score(results, "engine");
        double pooled = score(results, "enginePooled");
        double baseline = score(results, "baseline");
        double empty = score(results, "emptyRuleBase");
        double first = score(results, "firstEditionPooled");
        var mix = ExampleMix.load();
        double firings = RuleFirings.perEvaluation(mix);
        System.out.println();
        System.out.println("Blended engine benchmark, example mix of " + mix.size() + " applications, one evaluation each:");
        System.out.printf("  rule base (Drools, stateless session, reasons collected): %10.1f us  %10.0f evaluations/s%n", engine, 1e6 / engine);
        System.out.printf("  rule base, sessions from a KieSessionsPool:                %10.1f us  %10.0f evaluations/s%n", pooled, 1e6 / pooled);
        System.out.printf("  first edition of the rule base, pooled the same way:       %10.1f us  %10.0f evaluations/s%n", first, 1e6 / first);
        System.out.printf("  hand-written Java baseline (same thresholds):             %10.1f us  %10.0f evaluations/s%n", baseline, 1e6 / baseline);
        System.out.printf("  an empty rule base (no rules), same two facts:           %10.1f us  %10.0f evaluations/s%n", empty, 1e6 / empty);
        System.out.printf("  pooled, as the service runs it: %.1fx the hand-written baseline, %.1fx the empty-session floor "
                + "(target: 25 us or less, about 5x faster than the first edition)%n", pooled / baseline, pooled / empty);
        System.out.printf("  first edition / second edition, pooled: %.2fx%n", first / pooled);
        System.out.printf("  rules fired per evaluation (one per reason, figure, band, step): %.1f, about %.2f us each after the empty session%n",
                firings, (pooled - empty) / firings);
    }

    private static double score(Collection<RunResult> results, String benchmark) {
        return results.stream().filter(r -> r.getParams().getBenchmark().endsWith("." + benchmark)).findFirst()
                .orElseThrow().getPrimaryResult().getScore();
    }
}
