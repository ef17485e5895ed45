package org.blended.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.blended.rules.application.Application;
import org.blended.rules.assessment.Assessment;
import org.blended.rules.assessment.Reason;
import org.drools.model.codegen.ExecutableModelProject;
import org.junit.jupiter.api.Test;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.runtime.KieSession;

/**
 * The first edition of the rule base (editions/first, the rule set as shipped before the second
 * edition, byte for byte) still compiles against today's fact model and still decides every example
 * exactly as it did: the same outcome, bands, social value and reasons, field by field, as the golden
 * record made with the rule base as shipped (editions/first/decisions.json).
 * <p>
 * The edition and its record are frozen: neither is ever written again, since a difference is what
 * this test exists to catch.
 */
class FirstEditionTest {

    static final Path EDITION = Path.of("src", "test", "resources", "editions", "first");
    static final Path RULES = EDITION.resolve(Path.of("org", "blended", "rules"));
    static final Path APPLICATIONS = EDITION.resolve("applications");
    static final Path GOLDEN = EDITION.resolve("decisions.json");
    /** The rule base as the rules module ships it today. */
    /** The date every example is assessed on, as in ExampleApplicationsTest and RuleBase. */
    static final LocalDate ASSESSED_ON = LocalDate.of(2026, 11, 25);

    /** The kjar's kmodule (rules/src/main/resources/META-INF/kmodule.xml): one kbase, sessions by name. */
    private static final String KMODULE = """
            <kmodule xmlns="http://www.drools.org/xsd/kmodule">
              <kbase name="blended" default="true">
                <ksession name="assessment" type="stateful" default="true"/>
              </kbase>
            </kmodule>
            """;
    private static final AtomicInteger BUILDS = new AtomicInteger();
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** The golden record: every example as the first edition decides it on one date. */
    record Golden(LocalDate assessedOn, List<Decided> examples) {
    }

    /** One example's assessment; enums by name, so that the record reads plainly and survives new constants. */
    record Decided(String example, String outcome, String financialBand, String impactBand, int socialValueScore,
                   Double socialValueGbp, Double socialValuePerPound, List<Why> reasons) {

        static Decided of(String example, Assessment a) {
            return new Decided(example, name(a.getOutcome()), name(a.getFinancialBand()), name(a.getImpactBand()),
                    a.getSocialValueScore(), a.getSocialValueGbp(), a.getSocialValuePerPound(),
                    a.getReasons().stream().map(Why::of).toList());
        }
    }

    /** One reason, every field, in reporting order. */
    record Why(String code, String criterion, String theme, String effect, int points, String rating, String text,
               String applicantText, String rule, Double figure, Double threshold) {

        static Why of(Reason r) {
            return new Why(r.getCode(), r.getCriterion(), name(r.getTheme()), name(r.getEffect()), r.getPoints(),
                    name(r.getRating()), r.getText(), r.getApplicantText(), r.getRule(), r.getFigure(), r.getThreshold());
        }
    }

    @Test
    void theFirstEditionCompilesAndDecidesEveryExampleAsItDid() throws IOException {
        Golden golden = JSON.readValue(GOLDEN.toFile(), Golden.class);
        assertThat(golden.examples()).as("examples in the golden record " + GOLDEN).isNotEmpty();
        assertThat(golden.assessedOn()).as("the golden record's date").isEqualTo(ASSESSED_ON);
        assertThat(golden.examples()).extracting(Decided::example).as("the golden record has every example of the edition")
                .containsExactlyElementsOf(exampleFiles());

        KieBase firstEdition = compile(ruleFiles(RULES));

        List<String> differences = new ArrayList<>();
        for (Decided expected : golden.examples()) {
            differences.addAll(differences(expected, decide(firstEdition, expected.example())));
        }
        assertThat(differences).as("how the first edition no longer decides as it did").isEmpty();
    }

    /** As the service runs a rule set: a stateful session with the application and an empty assessment. */
    static Decided decide(KieBase rules, String example) throws IOException {
        Application application = JSON.readValue(APPLICATIONS.resolve(example).toFile(), Application.class);
        Assessment assessment = new Assessment(ASSESSED_ON);
        KieSession session = rules.newKieSession();
        try {
            session.insert(application);
            session.insert(assessment);
            session.fireAllRules();
        } finally {
            session.dispose();
        }
        return Decided.of(example, assessment);
    }

    /** Every field that differs, each named with its example (and reason). */
    static List<String> differences(Decided expected, Decided actual) {
        List<String> out = new ArrayList<>();
        String example = expected.example();
        same(out, example + ": outcome", expected.outcome(), actual.outcome());
        same(out, example + ": financialBand", expected.financialBand(), actual.financialBand());
        same(out, example + ": impactBand", expected.impactBand(), actual.impactBand());
        same(out, example + ": socialValueScore", expected.socialValueScore(), actual.socialValueScore());
        same(out, example + ": socialValueGbp", expected.socialValueGbp(), actual.socialValueGbp());
        same(out, example + ": socialValuePerPound", expected.socialValuePerPound(), actual.socialValuePerPound());
        same(out, example + ": number of reasons", expected.reasons().size(), actual.reasons().size());
        for (int i = 0; i < Math.min(expected.reasons().size(), actual.reasons().size()); i++) {
            Why e = expected.reasons().get(i);
            Why a = actual.reasons().get(i);
            String reason = example + ": reason " + (i + 1) + " (" + e.code() + ") ";
            same(out, reason + "code", e.code(), a.code());
            same(out, reason + "criterion", e.criterion(), a.criterion());
            same(out, reason + "theme", e.theme(), a.theme());
            same(out, reason + "effect", e.effect(), a.effect());
            same(out, reason + "points", e.points(), a.points());
            same(out, reason + "rating", e.rating(), a.rating());
            same(out, reason + "text", e.text(), a.text());
            same(out, reason + "applicantText", e.applicantText(), a.applicantText());
            same(out, reason + "rule", e.rule(), a.rule());
            same(out, reason + "figure", e.figure(), a.figure());
            same(out, reason + "threshold", e.threshold(), a.threshold());
        }
        if (expected.reasons().size() != actual.reasons().size()) {
            out.add(example + ": reason codes were " + expected.reasons().stream().map(Why::code).toList()
                    + ", now " + actual.reasons().stream().map(Why::code).toList());
        }
        return out;
    }

    private static void same(List<String> out, String what, Object expected, Object actual) {
        if (!Objects.equals(expected, actual)) {
            out.add(what + ": expected <" + expected + "> but was <" + actual + ">");
        }
    }

    /**
     * The files compiled at run time to the executable model, as the service compiles a stored version;
     * no error allowed, and at least one rule.
     */
    static KieBase compile(Map<String, byte[]> files) {
        assertThat(files).as("rule files of the first edition under " + RULES).isNotEmpty();
        KieServices ks = KieServices.get();
        ReleaseId releaseId = ks.newReleaseId("org.blended.editions", "first", "1." + BUILDS.incrementAndGet());
        KieFileSystem kfs = ks.newKieFileSystem();
        kfs.generateAndWritePomXML(releaseId);
        kfs.writeKModuleXML(KMODULE);
        files.forEach((path, content) -> kfs.write("src/main/resources/org/blended/rules/" + path, content));
        KieBuilder builder = ks.newKieBuilder(kfs).buildAll(ExecutableModelProject.class);
        assertThat(builder.getResults().getMessages(Message.Level.ERROR)).as("errors compiling the first edition").isEmpty();
        KieBase kieBase = ks.newKieContainer(releaseId).getKieBase("blended");
        int rules = kieBase.getKiePackages().stream().map(KiePackage::getRules).mapToInt(java.util.Collection::size).sum();
        assertThat(rules).as("rules compiled from the first edition").isPositive();
        return kieBase;
    }

    /** The rule files (.drl, decision tables) under a folder, by path relative to it. */
    static Map<String, byte[]> ruleFiles(Path root) {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                String name = path.getFileName().toString();
                if (name.endsWith(".drl") || name.endsWith(".csv") || name.endsWith(".xlsx")) {
                    files.put(root.relativize(path).toString().replace('\\', '/'), Files.readAllBytes(path));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** The edition's example applications, by file name in order. */
    static List<String> exampleFiles() throws IOException {
        try (Stream<Path> listing = Files.list(APPLICATIONS)) {
            return listing.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList();
        }
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
