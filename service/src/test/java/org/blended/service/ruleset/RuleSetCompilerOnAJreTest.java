package org.blended.service.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The container image runs on a JRE: drafts must compile there too, with no javac to call. */
class RuleSetCompilerOnAJreTest {

    @Test
    void anEditedRuleSetCompilesWithoutTheJdkCompiler() throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(),
                "--limit-modules", "java.se,jdk.unsupported,jdk.zipfs,jdk.crypto.ec,jdk.management",
                "-cp", System.getProperty("java.class.path"), CompileOnAJre.class.getName())
                .redirectErrorStream(true).start();
        process.getOutputStream().close();
        boolean ended = process.waitFor(5, TimeUnit.MINUTES);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!ended) {
            process.destroyForcibly();
        }
        assertThat(ended).as("finished").isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).containsPattern("compiled without javac: \\d+ rules");
    }
}
