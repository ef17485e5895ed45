package org.blended.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.blended.rules.application.Application;
import org.blended.rules.application.EvidenceGrade;
import org.blended.rules.application.Measure;
import org.blended.rules.assessment.Assessment;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.junit.jupiter.api.Test;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieSession;

/**
 * The rule base runs in named phases (ruleflow groups, which Drools runs as agenda groups) that one start rule puts in order, not by
 * salience: every rule is in one of the phases, and an evaluation leaves nothing behind in a phase
 * that has finished (a rule that a later phase made true would never fire).
 */
class RulePhasesTest {

    /** The phases in the order they run, as flow/phases.drl lists them. */
    static final List<String> PHASES = List.of("figures", "criteria", "social value in money", "totals",
            "bands", "hard stop", "decision matrix", "governance referral", "follow-up", "report");
    static final String START = "Run the phases in order";
    /** The one table whose rows are tried by priority: the first matching kind of lending decides. */
    static final Set<String> KINDS_OF_LENDING = Set.of("Secured asset finance: buying an asset",
            "Secured asset finance: property", "Secured asset finance: a development", "Other secured lending",
            "Unsecured lending");

    @Test
    void theStartRulePushesThePhasesFromTheLastToTheFirst() throws IOException {
        String drl;
        try (InputStream in = RulePhasesTest.class.getResourceAsStream("/org/blended/rules/flow/phases.drl")) {
            drl = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> pushed = new ArrayList<>();
        Matcher focus = Pattern.compile("drools\\.setFocus\\( \"([^\"]+)\" \\);").matcher(drl);
        while (focus.find()) {
            pushed.add(focus.group(1));
        }
        Collections.reverse(pushed);
        assertThat(pushed).as("the focus stack runs the last phase pushed first").isEqualTo(PHASES);
    }

    @Test
    void everyRuleButTheStartIsInAPhaseAndNoneHasASalience() {
        Map<String, TreeSet<String>> rulesByPhase = new TreeMap<>();
        for (var kiePackage : RuleBase.RULES.getKiePackages()) {
            for (Rule rule : kiePackage.getRules()) {
                RuleImpl impl = (RuleImpl) rule;
                rulesByPhase.computeIfAbsent(impl.getAgendaGroup(), g -> new TreeSet<>()).add(rule.getName());
                if (!KINDS_OF_LENDING.contains(rule.getName())) { // its rows are tried in the order of their priority
                    assertThat(impl.getSalience().getValue()).as("salience of " + rule.getName()).isZero();
                }
            }
        }
        assertThat(rulesByPhase.remove("MAIN")).as("the only rule outside a phase").containsExactly(START);
        assertThat(rulesByPhase.keySet()).as("phases with rules").containsExactlyInAnyOrderElementsOf(PHASES);
        assertThat(rulesByPhase.get("report")).containsExactly("Report every reason");
    }

    @Test
    void noPhaseHasAnythingLeftToFireOnceTheEvaluationEnds() throws IOException {
        List<Application> applications = new ArrayList<>(examples());
        applications.add(RuleBase.sound());
        Application claims = RuleBase.sound(); // claims of every grade, two of one measure, local spend
        claims.getImpact().getClaims().add(RuleBase.claim(Measure.JOBS_CREATED, 1, EvidenceGrade.SELF_REPORTED));
        claims.getImpact().getClaims().add(RuleBase.claim(Measure.LOCAL_SPEND, 40_000, EvidenceGrade.INDEPENDENTLY_VERIFIED));
        claims.getImpact().getClaims().add(RuleBase.claim(Measure.PRIORITY_GROUP_HIRES, 2, EvidenceGrade.SELF_REPORTED));
        claims.getImpact().getClaims().add(RuleBase.claim(Measure.GHG_AVOIDED, 60, EvidenceGrade.RECORDS));
        applications.add(claims);
        for (Application application : applications) {
            Assessment assessment = new Assessment(RuleBase.ASSESSED_ON);
            KieSession session = RuleBase.RULES.newKieSession();
            try {
                session.insert(application);
                session.insert(assessment);
                assertThat(session.fireAllRules()).isPositive();
                assertThat(assessment.getOutcome()).as(application.getLenderReference()).isNotNull();
                for (String phase : PHASES) {
                    session.getAgenda().getAgendaGroup(phase).setFocus();
                    assertThat(session.fireAllRules()).as(application.getLenderReference() + ": left in " + phase).isZero();
                }
            } finally {
                session.dispose();
            }
        }
    }

    private static List<Application> examples() throws IOException {
        ObjectMapper json = new ObjectMapper().findAndRegisterModules();
        try (Stream<Path> files = Files.list(Path.of("..", "examples", "applications"))) {
            List<Application> examples = new ArrayList<>();
            for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                examples.add(json.readValue(file.toFile(), Application.class));
            }
            assertThat(examples).isNotEmpty();
            return examples;
        }
    }
}
