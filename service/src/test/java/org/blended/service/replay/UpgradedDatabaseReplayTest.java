package org.blended.service.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.blended.service.BlendedApplication;
import org.blended.service.Http;
import org.blended.service.TestLenders;
import org.blended.service.ruleset.source.RuleSetContent;
import org.blended.service.ruleset.source.RuleSetFile;
import org.blended.service.ruleset.source.ShippedRuleSet;
import org.blended.service.ruleset.store.RuleSetRecord;
import org.blended.service.ruleset.store.RuleSetStore;
import org.blended.service.security.Role;
import org.drools.model.codegen.ExecutableModelProject;
import org.junit.jupiter.api.Test;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieContainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A database as the previous release left it, opened by this release. The previous release shipped
 * the first edition of the rule base (rules/src/test/resources/editions/first, byte for byte): started
 * on an empty database it imported and published it, as every first start does, and decided the
 * example applications under it. This release then starts on the same database, with the rule base it
 * ships itself, and the first edition must still load (validation: content check, compile, check of
 * the compiled code, its own Test Scenarios) and replay every stored decision identically.
 * <p>
 * Each release is a service of its own, started and stopped here in turn, on a schema of its own in
 * the test database (emptied first): what the previous release left must be all that is there, and no
 * other test's contexts may follow the versions published here.
 */
class UpgradedDatabaseReplayTest {

    private static final Logger log = LoggerFactory.getLogger(UpgradedDatabaseReplayTest.class);

    /** The first edition, read from the rules module's source tree (the tests run in the service module). */
    static final Path EDITION = Path.of("..", "rules", "src", "test", "resources", "editions", "first");
    static final String SCHEMA = "upgraded_replay";
    /** Who the shipped import records as the creator (RuleSetActivation.SYSTEM, package-private there). */
    static final String SHIPPED_IMPORT = "blended (shipped rule base)";

    @Test
    void decisionsRecordedUnderTheFirstEditionStillReplayIdenticallyAfterTheUpgrade() throws Exception {
        String database = emptySchema();
        List<RuleSetFile> firstEdition = firstEditionFiles();
        String firstEditionHash = RuleSetContent.hash(firstEdition);
        List<String> examples = exampleFiles();
        assertThat(examples).as("example applications of the first edition").hasSizeGreaterThanOrEqualTo(6);

        // The previous release: its first start imports and publishes the first edition; applications are decided under it.
        int version;
        String label;
        TestLenders.TestLender lender;
        Map<String, String> decided = new LinkedHashMap<>(); // application id -> example
        try (ConfigurableApplicationContext previous = start(database, true)) {
            RuleSetStore store = previous.getBean(RuleSetStore.class);
            RuleSetRecord active = store.find(store.activeVersion().orElseThrow()).orElseThrow();
            assertThat(active.contentHash()).as("the previous release published the first edition").isEqualTo(firstEditionHash);
            assertThat(active.createdBy()).isEqualTo(SHIPPED_IMPORT);
            assertThat(store.all()).as("versions on the previous release's database").hasSize(1);
            version = active.version();
            label = active.label();

            lender = previous.getBean(TestLenders.class).newLender();
            Http http = new Http(port(previous), lender.apiKey());
            for (String example : examples) {
                HttpResponse<String> created = http.postJson("/api/v1/applications", Files.readString(EDITION.resolve("applications").resolve(example)));
                assertThat(created.statusCode()).as(example + ": " + created.body()).isEqualTo(201);
                JsonNode body = Http.json(created);
                assertThat(body.get("decision").get("ruleSetVersion").asText()).as(example).isEqualTo(label);
                decided.put(body.get("applicationId").asText(), example);
            }
        }

        // This release, on the same database.
        try (ConfigurableApplicationContext upgraded = start(database, false)) {
            RuleSetStore store = upgraded.getBean(RuleSetStore.class);
            ShippedRuleSet shipped = upgraded.getBean(ShippedRuleSet.class);
            RuleSetRecord first = store.find(version).orElseThrow();
            assertThat(first.label()).isEqualTo(label);
            assertThat(first.contentHash()).isEqualTo(firstEditionHash);
            assertThat(byPath(store.files(version))).as("the first edition's stored files, byte for byte")
                    .containsExactlyEntriesOf(byPath(firstEdition));
            assertThat(store.decisionsMade(label).count()).as("decisions citing " + label).isEqualTo(decided.size());
            RuleSetRecord active = store.find(store.activeVersion().orElseThrow()).orElseThrow();
            if (shipped.contentHash().equals(firstEditionHash)) {
                log.info("This release still ships the first edition: nothing imported, version {} stays active", version);
                assertThat(store.all()).hasSize(1);
            } else {
                RuleSetRecord imported = store.withContent(shipped.contentHash()).orElseThrow(
                        () -> new AssertionError("this release did not import the rule base it ships"));
                log.info("This release ships another rule base: imported as version {} ({}, {}); active: version {} ({}); "
                                + "the first edition (version {}) is {}", imported.version(), imported.label(), imported.state(),
                        active.version(), active.label(), version, first.state());
            }

            // Every decision replays identically with the version it names (compiled now, on this release's fact model).
            Http http = new Http(port(upgraded), lender.apiKey());
            List<String> notIdentical = new ArrayList<>();
            decided.forEach((id, example) -> {
                HttpResponse<String> replayed = http.post("/api/v1/applications/" + id + "/replay", "application/json", "");
                assertThat(replayed.statusCode()).as(example + ": " + replayed.body()).isEqualTo(200);
                JsonNode report = Http.json(replayed);
                assertThat(report.get("ruleSetVersion").asText()).as(example).isEqualTo(label);
                assertThat(report.get("reasons").asInt()).as(example + ": reasons replayed").isPositive();
                if (!report.get("identical").asBoolean()) {
                    notIdentical.add(example + ": " + report.get("differences"));
                }
            });
            assertThat(notIdentical).as("decisions that no longer replay identically under " + label).isEmpty();

            // And the version itself still validates: content check, compile, code check, its Test Scenarios.
            Http policy = new Http(port(upgraded), upgraded.getBean(TestLenders.class).keyFor(Role.POLICY_OWNER));
            HttpResponse<String> validated = policy.post("/api/v1/rule-sets/" + version + "/validation", "application/json", "");
            assertThat(validated.statusCode()).as(validated.body()).isEqualTo(200);
            JsonNode report = Http.json(validated);
            assertThat(report.get("valid").asBoolean()).as(report.toString()).isTrue();
            assertThat(report.get("scenariosRun").asInt()).as(report.toString()).isPositive();
            assertThat(report.get("scenariosFailed").asInt()).as(report.toString()).isZero();
        }
    }

    /**
     * A service on the test database's own schema for this test; without intake folders, queues or
     * decision publishing, which nothing here uses. {@code firstEdition}: as the previous release,
     * which shipped the first edition.
     */
    private static ConfigurableApplicationContext start(String database, boolean firstEdition) {
        SpringApplicationBuilder service = new SpringApplicationBuilder(BlendedApplication.class).profiles("postgres");
        if (firstEdition) {
            service.initializers(context -> context.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
                @Override
                public Object postProcessBeforeInitialization(Object bean, String name) {
                    return bean instanceof ShippedRuleSet && !(bean instanceof FirstEditionRelease) ? new FirstEditionRelease() : bean;
                }
            }));
        }
        return service.run("--server.port=0", "--spring.jmx.enabled=false",
                "--spring.datasource.url=" + database,
                "--spring.datasource.username=" + System.getenv().getOrDefault("BLENDED_TEST_DB_USER", "postgres"),
                "--spring.datasource.password=" + System.getenv().getOrDefault("BLENDED_TEST_DB_PASSWORD", ""),
                "--spring.flyway.schemas=" + SCHEMA,
                "--blended.intake.file.enabled=false", "--blended.intake.queue.enabled=false",
                "--blended.decisions.enabled=false",
                "--blended.intake.batch.spool-directory=target/batches-upgraded-replay");
    }

    /**
     * What the previous release shipped: the first edition's files, and for its prebuilt kjar the same
     * files compiled to the executable model (as kie-maven-plugin built that kjar). Its label is the
     * one this release would write, as a release that keeps its Maven version does.
     */
    static final class FirstEditionRelease extends ShippedRuleSet {

        private static final AtomicInteger BUILDS = new AtomicInteger();

        private final List<RuleSetFile> files = firstEditionFiles();
        private final String contentHash = RuleSetContent.hash(files);
        private KieContainer container;

        @Override
        public List<RuleSetFile> files() {
            return files;
        }

        @Override
        public String contentHash() {
            return contentHash;
        }

        @Override
        public synchronized KieContainer container() {
            if (container == null) {
                KieServices ks = KieServices.get();
                ReleaseId releaseId = ks.newReleaseId("org.blended.editions", "first", "1." + BUILDS.incrementAndGet());
                KieFileSystem kfs = ks.newKieFileSystem();
                kfs.generateAndWritePomXML(releaseId);
                kfs.writeKModuleXML("""
                        <kmodule xmlns="http://www.drools.org/xsd/kmodule">
                          <kbase name="blended" default="true">
                            <ksession name="assessment" type="stateful" default="true"/>
                            <ksession name="assessment-stateless" type="stateless" default="true"/>
                          </kbase>
                        </kmodule>
                        """);
                files.stream().filter(RuleSetFile::isRules).forEach(f -> kfs.write("src/main/resources/" + f.path(), f.content()));
                KieBuilder builder = ks.newKieBuilder(kfs, getClass().getClassLoader()).buildAll(ExecutableModelProject.class);
                List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
                if (!errors.isEmpty()) {
                    throw new IllegalStateException("The first edition does not compile: " + errors);
                }
                container = ks.newKieContainer(releaseId, getClass().getClassLoader());
            }
            return container;
        }
    }

    /** The first edition as the service stores a shipped rule base: rule files by their path in it, Test Scenarios as scenarios/. */
    static List<RuleSetFile> firstEditionFiles() {
        List<RuleSetFile> files = new ArrayList<>();
        try (Stream<Path> rules = Files.walk(EDITION.resolve("org")); Stream<Path> scenarios = Files.list(EDITION.resolve("scenarios"))) {
            for (Path file : rules.filter(Files::isRegularFile).sorted().toList()) {
                RuleSetFile ruleFile = new RuleSetFile(EDITION.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
                if (ruleFile.isRules()) {
                    files.add(ruleFile);
                }
            }
            for (Path file : scenarios.filter(p -> p.toString().endsWith(".scesim")).sorted().toList()) {
                files.add(new RuleSetFile(ShippedRuleSet.SCENARIOS + file.getFileName(), Files.readAllBytes(file)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(files).as("rule files of the first edition in " + EDITION).anyMatch(RuleSetFile::isRules);
        files.sort(Comparator.comparing(RuleSetFile::path));
        return List.copyOf(files);
    }

    private static List<String> exampleFiles() throws IOException {
        try (Stream<Path> listing = Files.list(EDITION.resolve("applications"))) {
            return listing.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList();
        }
    }

    /** Each file by path, as its SHA-256 and size: a difference reads in the failure. */
    private static Map<String, String> byPath(List<RuleSetFile> files) {
        Map<String, String> out = new TreeMap<>();
        for (RuleSetFile f : files) {
            try {
                out.put(f.path(), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(f.content()))
                        + ", " + f.content().length + " bytes");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }

    /** The test database with this test's schema dropped, as a URL that makes it the current one. */
    private static String emptySchema() throws Exception {
        String url = System.getenv().getOrDefault("BLENDED_TEST_DB_URL",
                "jdbc:postgresql://127.0.0.1:5432/test?reWriteBatchedInserts=true");
        try (Connection connection = DriverManager.getConnection(url,
                System.getenv().getOrDefault("BLENDED_TEST_DB_USER", "postgres"),
                System.getenv().getOrDefault("BLENDED_TEST_DB_PASSWORD", ""));
             Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists " + SCHEMA + " cascade");
        }
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA;
    }

    private static int port(ConfigurableApplicationContext service) {
        return Integer.parseInt(service.getEnvironment().getProperty("local.server.port"));
    }
}
