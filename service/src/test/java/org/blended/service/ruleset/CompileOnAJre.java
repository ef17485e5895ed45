package org.blended.service.ruleset;

import org.blended.service.ruleset.build.RuleSetCompiler;
import org.blended.service.ruleset.guard.RuleContentGuard;
import org.blended.service.ruleset.source.RuleSetFile;
import org.blended.service.ruleset.source.ShippedRuleSet;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.tools.ToolProvider;

/**
 * Run by {@link RuleSetCompilerOnAJreTest} in a JVM without the jdk.compiler module, as the
 * container image's JRE is: compiles an edited copy of the shipped rule set through the gate.
 */
public final class CompileOnAJre {

    private CompileOnAJre() {
    }

    public static void main(String[] args) {
        if (ToolProvider.getSystemJavaCompiler() != null) {
            throw new IllegalStateException("javac is present: this is not a JRE");
        }
        ShippedRuleSet shipped = new ShippedRuleSet();
        List<RuleSetFile> edited = new ArrayList<>();
        for (RuleSetFile file : shipped.files()) {
            edited.add(file.name().equals("decision.drl")
                    ? new RuleSetFile(file.path(), (file.text() + "\n// edited\n").getBytes(StandardCharsets.UTF_8))
                    : file);
        }
        RuleSetCompiler.Build build = new RuleSetCompiler(new RuleContentGuard(), shipped).build(2, "edited", edited);
        if (!build.succeeded()) {
            throw new IllegalStateException("did not compile on a JRE: " + build.problems());
        }
        long rules = build.compiled().kieBase().getKiePackages().stream().mapToLong(p -> p.getRules().size()).sum();
        System.out.println("compiled without javac: " + rules + " rules in " + build.millis() + " ms");
    }
}
