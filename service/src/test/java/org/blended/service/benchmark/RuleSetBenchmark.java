package org.blended.service.benchmark;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.blended.integration.submission.ApplicationIntake;
import org.blended.integration.submission.Channel;
import org.blended.integration.submission.Submission;
import org.blended.rules.application.Application;
import org.blended.rules.assessment.MeasureValue;
import org.blended.service.Examples;
import org.blended.service.assessment.CompiledRuleSet;
import org.blended.service.decision.StoredInputs;
import org.blended.service.lender.LenderDirectory;
import org.blended.service.ruleset.RuleSetEdits;
import org.blended.service.ruleset.source.RuleSetFile;
import org.blended.service.ruleset.store.RuleSetRecord;
import org.blended.service.ruleset.upload.RuleSetUpload;
import org.blended.service.ruleset.lifecycle.RuleSetLibrary;
import org.blended.service.ruleset.lifecycle.RuleSets;
import org.blended.service.ruleset.build.ValidationReport;
import org.blended.service.whatif.WhatIfScope;
import org.blended.service.whatif.WhatIfService;
import org.blended.service.whatif.WhatIfView;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The policy owner's waits, measured on PostgreSQL: validating the default rule set (content
 * check, compile, all Test Scenarios), validating and publishing an edited draft, and a what-if
 * over N stored applications (applications per second).
 * <p>
 * Run: {@code ./mvnw -B -q -DskipTests install && ./mvnw -B -q -pl service exec:exec
 * -Dbenchmark=org.blended.service.benchmark.RuleSetBenchmark -Dapplications=10000}. It uses (and
 * first empties) the PostgreSQL database {@code blended_ruleset_benchmark} on 127.0.0.1, or the one
 * {@code -Ddatabase} names.
 */
public final class RuleSetBenchmark {

    /** {@code -Ddatabase=name} runs it in another database, so two people's runs do not drop each other's. */
    private static final String DATABASE = System.getProperty("database", "blended_ruleset_benchmark");

    public static void main(String[] args) throws Exception {
        int n = Integer.getInteger("applications", 10_000);
        String url = BenchmarkDatabase.fresh(DATABASE);
        try (ConfigurableApplicationContext service = BenchmarkDatabase.service(url)) {
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

            // The first run is the figure: a service that has decided applications, with a draft just validated.
            // -DwhatIfRuns=N runs it N times (the later ones show it warm).
            List<String> again = new ArrayList<>();
            long started0 = System.nanoTime();
            CpuTime cpuBefore = CpuTime.now();
            long machineBefore = machineBusyMillis();
            WhatIfView whatIf = whatIf(service.getBean(WhatIfService.class), draft.version());
            long whatIfMillis = millis(started0);
            String whatIfCpu = CpuTime.now().perApplicationSince(cpuBefore, Math.max(1, whatIf.done()));
            long machineBusy = machineBusyMillis() - machineBefore;
            for (int i = 1; i < Integer.getInteger("whatIfRuns", 1); i++) {
                started = System.nanoTime();
                CpuTime cpu = CpuTime.now();
                WhatIfView next = whatIf(service.getBean(WhatIfService.class), draft.version());
                long nextMillis = millis(started);
                again.add(String.format("%,d ms = %.0f applications/s; CPU per application: %s", nextMillis,
                        next.done() * 1000.0 / nextMillis, CpuTime.now().perApplicationSince(cpu, Math.max(1, next.done()))));
            }

            String engineAlone = engineAlone(service, shipped.version(), draft.version());

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
            System.out.printf("  CPU per application in the what-if: %s; the machine was busy %.0f%% of the time (all processes)%n",
                    whatIfCpu, machineBusy * 100.0 / (whatIfMillis * Runtime.getRuntime().availableProcessors()));
            again.forEach(run -> System.out.printf("  the same what-if again: %s%n", run));
            System.out.printf("  the engine alone, the same applications under both versions: %s%n", engineAlone);
        }
    }

    /**
     * The ceiling the rules set for a what-if: the same stored applications evaluated under both
     * versions on as many threads as cores, read and parsed beforehand, so that nothing is timed but
     * the rule sets (no database, no JSON, no hand-over to the engine's workers). Measured after the
     * what-if, so warm: compare it with the what-if run again.
     */
    private static String engineAlone(ConfigurableApplicationContext service, int activeVersion, int draftVersion)
            throws Exception {
        StoredInputs inputs = service.getBean(StoredInputs.class);
        RuleSetLibrary library = service.getBean(RuleSetLibrary.class);
        List<CompiledRuleSet> versions = List.of(library.compiled(activeVersion), library.compiled(draftVersion));
        List<Object[]> stored = service.getBean(JdbcTemplate.class).query("select a.payload, a.lender_values, d.assessed_on "
                        + "from application a join decision d on d.application_id = a.id",
                (rs, i) -> new Object[]{inputs.application(rs.getString(1)), inputs.application(rs.getString(1)),
                        rs.getObject(3, LocalDate.class), inputs.lenderValues(rs.getString(2))});
        int threads = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long[] nanos = new long[versions.size()];
            for (int v = 0; v < versions.size(); v++) {
                CompiledRuleSet rules = versions.get(v);
                int side = v;
                long started = System.nanoTime();
                List<Future<?>> parts = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int first = t;
                    parts.add(pool.submit(() -> {
                        for (int i = first; i < stored.size(); i += threads) {
                            Object[] row = stored.get(i);
                            @SuppressWarnings("unchecked")
                            List<MeasureValue> values = (List<MeasureValue>) row[3];
                            rules.assess((Application) row[side], (LocalDate) row[2], values);
                        }
                    }));
                }
                for (Future<?> part : parts) {
                    part.get();
                }
                nanos[v] = System.nanoTime() - started;
            }
            long both = nanos[0] + nanos[1];
            return String.format("%,d ms = %.0f applications/s on %d threads (per evaluation: active %.0f us, draft %.0f us)",
                    both / 1_000_000, stored.size() * 1e9 / both, threads, nanos[0] * threads / 1000.0 / stored.size(),
                    nanos[1] * threads / 1000.0 / stored.size());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Starts a what-if of the draft over all stored applications and waits for it to finish. */
    private static WhatIfView whatIf(WhatIfService whatIfs, int draft) throws InterruptedException {
        UUID run = whatIfs.start(draft, WhatIfScope.all(), "benchmark");
        // Asks for the progress only, not for the first 500 changes again every time
        WhatIfView whatIf = whatIfs.view(run, Integer.MAX_VALUE);
        while (whatIf.status().equals("RUNNING")) {
            Thread.sleep(100);
            whatIf = whatIfs.view(run, Integer.MAX_VALUE);
        }
        require(whatIf.status().equals("FINISHED"), "the what-if finished: " + whatIf.failure());
        return whatIf;
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

    /** CPU time all processes on the machine have used (user, nice, system, irq), from Linux's /proc/stat; 0 elsewhere. */
    private static long machineBusyMillis() {
        try {
            String[] cpu = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long ticks = 0;
            for (int i : new int[]{1, 2, 3, 6, 7}) {
                ticks += Long.parseLong(cpu[i]);
            }
            return ticks * 10; // USER_HZ is 100 on Linux
        } catch (java.io.IOException | RuntimeException notLinux) {
            return 0;
        }
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
