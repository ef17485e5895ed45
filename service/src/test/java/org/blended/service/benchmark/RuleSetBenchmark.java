package org.blended.service.benchmark;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.blended.integration.submission.ApplicationIntake;
import org.blended.integration.submission.Channel;
import org.blended.integration.submission.Submission;
import org.blended.service.BlendedApplication;
import org.blended.service.Examples;
import org.blended.service.lender.LenderDirectory;
import org.blended.service.ruleset.RuleSetEdits;
import org.blended.service.ruleset.source.RuleSetFile;
import org.blended.service.ruleset.store.RuleSetRecord;
import org.blended.service.ruleset.upload.RuleSetUpload;
import org.blended.service.ruleset.lifecycle.RuleSets;
import org.blended.service.ruleset.build.ValidationReport;
import org.blended.service.whatif.WhatIfScope;
import org.blended.service.whatif.WhatIfService;
import org.blended.service.whatif.WhatIfView;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The policy owner's waits, measured on PostgreSQL: validating the default rule set (content
 * check, compile, all Test Scenarios), validating and publishing an edited draft, and a what-if
 * over N stored applications (applications per second).
 * <p>
 * Run: {@code ./mvnw -B -q -DskipTests install && ./mvnw -B -q -pl service exec:exec
 * -Dbenchmark=org.blended.service.benchmark.RuleSetBenchmark -Dapplications=10000}. It uses (and
 * first empties) the PostgreSQL database {@code blended_ruleset_benchmark} on 127.0.0.1.
 */
public final class RuleSetBenchmark {

    private static final String DATABASE = "blended_ruleset_benchmark";

    public static void main(String[] args) throws Exception {
        int n = Integer.getInteger("applications", 10_000);
        String url = BenchmarkDatabase.fresh(DATABASE);
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(BlendedApplication.class)
                .profiles("postgres")
                .run("--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
                        "--spring.datasource.password=", "--server.port=0", "--blended.intake.queue.enabled=false",
                        "--blended.decisions.enabled=false", "--blended.intake.file.enabled=false",
                        "--logging.level.org.blended=WARN")) {
            RuleSets ruleSets = service.getBean(RuleSets.class);
            UUID lender = service.getBean(LenderDirectory.class).register("benchmark", "Benchmark lender").getId();
            store(service.getBean(ApplicationIntake.class), lender, n);

            RuleSetRecord shipped = ruleSets.active();
            long started = System.nanoTime();
            ValidationReport first = ruleSets.validate(shipped.version(), "benchmark");
            long firstMillis = millis(started);
            started = System.nanoTime();
            ValidationReport second = ruleSets.validate(shipped.version(), "benchmark");
            long secondMillis = millis(started);
            require(first.valid() && second.valid(), "the default rule set validates: " + first.summary());

            RuleSetRecord draft = ruleSets.upload(null, List.of(reservesEdit(ruleSets, shipped.version())), null, "benchmark");
            started = System.nanoTime();
            require(ruleSets.validate(draft.version(), "benchmark").valid(), "the edited draft validates");
            long draftValidationMillis = millis(started);

            started = System.nanoTime();
            UUID run = service.getBean(WhatIfService.class).start(draft.version(), WhatIfScope.all(), "benchmark");
            WhatIfView whatIf = service.getBean(WhatIfService.class).view(run, 0);
            while (whatIf.status().equals("RUNNING")) {
                Thread.sleep(100);
                whatIf = service.getBean(WhatIfService.class).view(run, 0);
            }
            long whatIfMillis = millis(started);
            require(whatIf.status().equals("FINISHED"), "the what-if finished: " + whatIf.failure());

            started = System.nanoTime();
            ruleSets.publish(draft.version(), "benchmark");
            long publishMillis = millis(started);
            started = System.nanoTime();
            ruleSets.rollBack(shipped.version(), "benchmark");
            long rollBackMillis = millis(started);

            System.out.printf("%nRule-set benchmark (PostgreSQL %s, %,d stored applications)%n", DATABASE, n);
            System.out.printf("  validate the default rule set: %,d ms the first time (%,d ms compiling, %,d ms for %d Test Scenarios), "
                    + "%,d ms again%n", firstMillis, first.compileMillis(), first.scenarioMillis(), first.scenariosRun(), secondMillis);
            System.out.printf("  validate an edited draft: %,d ms; publish it: %,d ms; roll back: %,d ms%n",
                    draftValidationMillis, publishMillis, rollBackMillis);
            System.out.printf("  what-if over %,d applications (each evaluated by both versions): %,d ms = %.0f applications/s, "
                    + "%d would change%n", whatIf.done(), whatIfMillis, whatIf.done() * 1000.0 / whatIfMillis, whatIf.changed());
        }
    }

    /** The examples, again and again under new references, stored through the batch path in chunks of 500. */
    private static void store(ApplicationIntake intake, UUID lender, int n) {
        List<String> examples = new ArrayList<>(Examples.expectedOutcomes().keySet());
        List<Submission> chunk = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String example = examples.get(i % examples.size());
            chunk.add(new Submission(Examples.withReference(example, "BENCH-" + i).getBytes(StandardCharsets.UTF_8),
                    Channel.FILE, "benchmark", lender));
            if (chunk.size() == 500 || i == n - 1) {
                intake.submitAll(chunk);
                chunk.clear();
            }
        }
    }

    /** The edit the tests make: reserves under six weeks rate amber. */
    private static RuleSetUpload reservesEdit(RuleSets ruleSets, int version) {
        RuleSetFile table = ruleSets.files(version).stream().filter(f -> f.name().equals(RuleSetEdits.RESERVES_TABLE))
                .findFirst().orElseThrow();
        return new RuleSetUpload(table.name(), RuleSetEdits.higherMinimumReserves(table.text()).getBytes(StandardCharsets.UTF_8));
    }

    private static void require(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("Expected: " + what);
        }
    }

    private static long millis(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
