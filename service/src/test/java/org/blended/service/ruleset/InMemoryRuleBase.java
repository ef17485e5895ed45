package org.blended.service.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import org.blended.service.ruleset.source.RuleSetFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.drools.compiler.kie.builder.impl.DrlProject;
import org.kie.api.KieServices;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieContainer;

/**
 * Builds a KieContainer in memory from rule base files, the way a rule set uploaded at run time
 * is built, so that a test does not use the rule base on the classpath.
 */
public final class InMemoryRuleBase {

    /** The shipped rule base, relative to the service module (the tests' working directory). */
    static final Path SOURCES = Path.of("..", "rules", "src", "main", "resources");
    static final Path SCENARIOS = Path.of("..", "rules", "src", "test", "resources", "org", "blended", "rules");

    // each container gets its own version: the KieRepository keeps every module by ReleaseId
    private static final AtomicInteger VERSIONS = new AtomicInteger();

    private InMemoryRuleBase() {
    }

    /** The shipped rule base's files, by path relative to the resources folder ('/' separated). */
    public static Map<String, byte[]> shippedFiles() {
        return read(SOURCES, "");
    }

    /** The shipped Test Scenarios, in file-name order, as a rule set holds them. */
    public static List<RuleSetFile> shippedScenarios() {
        return read(SCENARIOS, ".scesim").entrySet().stream()
                .map(file -> new RuleSetFile("scenarios/" + file.getKey(), file.getValue())).toList();
    }

    public static KieContainer build(Map<String, byte[]> files) {
        KieServices ks = KieServices.get();
        ReleaseId releaseId = ks.newReleaseId("org.blended.rulesets", "test", String.valueOf(VERSIONS.incrementAndGet()));
        KieFileSystem kfs = ks.newKieFileSystem();
        kfs.generateAndWritePomXML(releaseId);
        files.forEach((path, content) -> kfs.write("src/main/resources/" + path, content));
        // DrlProject: the run-time compiler, without the executable model
        var builder = ks.newKieBuilder(kfs).buildAll(DrlProject.class);
        assertThat(builder.getResults().getMessages(Message.Level.ERROR)).as("build errors").isEmpty();
        return ks.newKieContainer(releaseId);
    }

    private static Map<String, byte[]> read(Path root, String suffix) {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(suffix)).toList()) {
                files.put(root.relativize(path).toString().replace('\\', '/'), Files.readAllBytes(path));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }
}
