package org.blended.service.ruleset.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.blended.service.ruleset.HostileRuleContent;
import org.blended.service.ruleset.guard.RuleContentGuard;
import org.blended.service.ruleset.source.RuleSetFile;
import org.blended.service.ruleset.source.ShippedRuleSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.blended.rules.application.Application;
import org.blended.rules.assessment.Assessment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The compiler is the only way to a compiled rule set: the shipped rule base passes it (as the kjar
 * and compiled again from its files), and every hostile case is refused at its file and line or
 * row, with nothing of it run.
 */
class RuleSetCompilerTest {

    private static final ShippedRuleSet SHIPPED = new ShippedRuleSet();
    private final RuleSetCompiler compiler = new RuleSetCompiler(new RuleContentGuard(), SHIPPED);

    @BeforeAll
    static void noMarkers() throws IOException {
        deleteMarkers();
        Files.createDirectories(HostileRuleContent.MARKERS); // so that a write, had one run, would have succeeded
    }

    @AfterAll
    static void nothingRan() throws IOException {
        assertThat(HostileRuleContent.MARKERS).isEmptyDirectory();
        deleteMarkers();
    }

    static List<HostileRuleContent.Case> hostile() {
        return HostileRuleContent.all();
    }

    @Test
    void theShippedKjarPassesTheCheckOfItsClasses() {
        RuleSetCompiler.Build build = compiler.build(1, "shipped", SHIPPED.files());
        assertThat(build.problems()).isEmpty();
        assertThat(build.compiled().kieBase().getKiePackages()).isNotEmpty();
    }

    @Test
    void theShippedFilesCompiledAgainPassAndAssessAsTheKjarDoes() {
        List<RuleSetFile> edited = new ArrayList<>();
        for (RuleSetFile file : SHIPPED.files()) {
            edited.add(file.name().equals("decision.drl")
                    ? new RuleSetFile(file.path(), (file.text() + "\n// edited\n").getBytes(StandardCharsets.UTF_8))
                    : file);
        }
        RuleSetCompiler.Build build = compiler.build(2, "edited", edited);
        assertThat(build.problems()).isEmpty();
        System.out.println("Edited copy of the shipped rule set compiled and checked in " + build.millis() + " ms");
        assertThat(build.compiled().kieBase().getKiePackages()).isNotEmpty();
    }

    @Test
    void aRuleWithoutAPhaseInAPhasedRuleSetIsRefusedWhereItIs() {
        String drl = """
                package org.blended.rules.extra;

                import org.blended.rules.assessment.Assessment;

                rule "Forgot its phase"
                when
                    Assessment( outcome == null )
                then
                end

                rule "Knows its phase"
                    ruleflow-group "criteria"
                when
                    Assessment( outcome == null )
                then
                end
                """;
        List<RuleSetFile> files = new ArrayList<>(SHIPPED.files());
        files.add(new RuleSetFile("org/blended/rules/extra/extra.drl", drl.getBytes(StandardCharsets.UTF_8)));
        RuleSetCompiler.Build build = compiler.build(7, "unphased", files);
        assertThat(build.stage()).isEqualTo(RulePhases.STAGE);
        assertThat(build.problems()).extracting(p -> p.file() + ", " + p.where() + ": " + p.message()).containsExactly(
                "extra.drl, line 5: rule \"Forgot its phase\" names no phase, so it would run after the whole "
                        + "assessment, where its reasons no longer count; give it ruleflow-group \"criteria\" or "
                        + "another phase of flow/phases.drl");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void hostileContentIsRefusedWhereItWasWritten(HostileRuleContent.Case hostile) {
        RuleSetCompiler.Build build = compiler.build(3, "hostile", List.of(hostile.file()));
        assertThat(build.succeeded()).as("refused").isFalse();
        assertThat(build.container()).as("nothing loaded").isNull();
        assertThat(build.problems()).as(build.problems().toString()).anySatisfy(problem -> {
            assertThat(problem.file()).isEqualTo(hostile.file().name());
            if (hostile.where() != null) {
                assertThat(problem.where()).isEqualTo(hostile.where());
            }
            assertThat(problem.message()).contains(hostile.refusal());
        });
    }

    @Test
    void aRuleThatOnlyUsesTheFactModelAndValuesCompiles() {
        String drl = """
                package org.blended.rules.quiet;

                import org.blended.rules.assessment.Assessment;
                import org.blended.rules.assessment.Reason;
                import org.blended.rules.assessment.Theme;

                rule "A note that names System in its text"
                when
                    $a : Assessment( outcome == null )
                then
                    insert( Reason.note( "SYSTEM-NOTE", "D1", Theme.DECISION ).says(
                            "System down? Runtime.getRuntime().exec(\\"x\\") is only text here: " + Math.max(1, 2),
                            "Nothing runs" ).firedBy( drools ) ); // System.exit(0)
                end
                """;
        RuleSetCompiler.Build build = compiler.build(4, "quiet",
                List.of(new RuleSetFile("org/blended/rules/quiet/quiet.drl", drl.getBytes(StandardCharsets.UTF_8))));
        assertThat(build.problems()).isEmpty();
        Assessment assessment = new Assessment(java.time.LocalDate.of(2026, 1, 1));
        build.compiled().kieBase().newStatelessKieSession().execute(List.of(new Application(), assessment));
    }

    @Test
    void aTypeDeclaredInDrlCompilesAndRuns() {
        String drl = """
                package org.blended.rules.declared;

                import org.blended.rules.assessment.Assessment;

                declare Tick
                    count : int
                end

                rule "Start counting"
                when
                    Assessment( outcome == null )
                    not Tick()
                then
                    insert( new Tick( 1 ) );
                end
                """;
        RuleSetCompiler.Build build = compiler.build(6, "declared",
                List.of(new RuleSetFile("org/blended/rules/declared/declared.drl", drl.getBytes(StandardCharsets.UTF_8))));
        assertThat(build.problems()).isEmpty();
        org.kie.api.runtime.KieSession session = build.container().newKieSession("assessment");
        try {
            session.insert(new Assessment(java.time.LocalDate.of(2026, 1, 1)));
            assertThat(session.fireAllRules()).isEqualTo(1);
        } finally {
            session.dispose();
        }
    }

    @Test
    void aScenarioSessionOfADraftStopsPastTheFiringLimit() {
        String drl = """
                package org.blended.rules.storm;

                import org.blended.rules.assessment.Assessment;

                rule "Storm"
                when
                    $a : Assessment( outcome == null )
                then
                    modify( $a ) { setOutcome( null ) };
                end
                """;
        RuleSetCompiler.Build build = compiler.build(5, "storm",
                List.of(new RuleSetFile("org/blended/rules/storm/storm.drl", drl.getBytes(StandardCharsets.UTF_8))));
        assertThat(build.problems()).isEmpty();
        org.kie.api.runtime.KieSession session = build.container().newKieSession("assessment");
        try {
            session.insert(new Assessment(java.time.LocalDate.of(2026, 1, 1)));
            assertThatThrownBy(session::fireAllRules).hasStackTraceContaining("fired more than 10000 rules");
        } finally {
            session.dispose();
        }
    }

    private static void deleteMarkers() throws IOException {
        if (Files.exists(HostileRuleContent.MARKERS)) {
            try (Stream<java.nio.file.Path> paths = Files.walk(HostileRuleContent.MARKERS)) {
                for (java.nio.file.Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
