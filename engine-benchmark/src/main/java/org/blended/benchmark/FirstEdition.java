package org.blended.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.Message;

/**
 * The first edition of the rule base, compiled at run time to the executable model from the copy the
 * rules module keeps for its replay tests (run from the repository root), so that the benchmark can
 * measure the previous design beside the current one.
 */
final class FirstEdition {

    static final Path ROOT = Path.of("rules", "src", "test", "resources", "editions", "first");

    private FirstEdition() {
    }

    static KieBase build() {
        KieServices services = KieServices.get();
        var files = services.newKieFileSystem();
        var release = services.newReleaseId("org.blended", "first-edition-benchmark", "1");
        files.generateAndWritePomXML(release);
        try (Stream<Path> rules = Files.walk(ROOT.resolve("org"))) {
            for (Path file : (Iterable<Path>) rules.filter(Files::isRegularFile)::iterator) {
                files.write("src/main/resources/" + ROOT.relativize(file), Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The first edition is read from " + ROOT.toAbsolutePath(), e);
        }
        var built = services.newKieBuilder(files).buildAll(ExecutableModelProject.class);
        if (built.getResults().hasMessages(Message.Level.ERROR)) {
            throw new IllegalStateException("The first edition does not compile: " + built.getResults());
        }
        return services.newKieContainer(release).getKieBase();
    }
}
