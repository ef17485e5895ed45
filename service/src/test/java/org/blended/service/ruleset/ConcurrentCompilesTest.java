package org.blended.service.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import org.blended.service.ruleset.build.RuleSetCompiler;
import org.blended.service.ruleset.build.RuleSetScenarios;
import org.blended.service.ruleset.build.ScenarioResult;
import org.blended.service.ruleset.guard.RuleContentGuard;
import org.blended.service.ruleset.source.RuleSetFile;
import org.blended.service.ruleset.source.ShippedRuleSet;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

/**
 * Two drafts compiled at the same time in one JVM (a policy owner validating while the instance
 * follows a publish made on another) must each get their own rules. Seen in a full test run: a
 * draft raising the debt service cover threshold passed every Test Scenario, having been compiled
 * while another instance's context compiled a reserves edit, as if its own table were not there.
 */
class ConcurrentCompilesTest {

    private static final ShippedRuleSet SHIPPED = new ShippedRuleSet();
    private final RuleSetCompiler compiler = new RuleSetCompiler(new RuleContentGuard(), SHIPPED);

    @Test
    void draftsCompiledAtTheSameTimeEachHaveTheirOwnRules() throws Exception {
        List<RuleSetFile> cover = edited(RuleSetEdits.COVER_TABLE, RuleSetEdits::higherCoverThreshold);
        List<RuleSetFile> reserves = edited(RuleSetEdits.RESERVES_TABLE, RuleSetEdits::higherMinimumReserves);
        for (int round = 0; round < 3; round++) {
            CyclicBarrier together = new CyclicBarrier(2);
            var coverRun = CompletableFuture.supplyAsync(() -> failed(cover, together, 700));
            var reservesRun = CompletableFuture.supplyAsync(() -> failed(reserves, together, 800));
            assertThat(coverRun.get()).as("round " + round + ": the stricter cover fails its boundary scenario")
                    .contains("Debt service cover exactly 1.25 is green");
            assertThat(reservesRun.get()).as("round " + round + ": the reserves edit keeps every scenario").isEmpty();
        }
    }

    private List<String> failed(List<RuleSetFile> files, CyclicBarrier together, int version) {
        try {
            together.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        RuleSetCompiler.Build build = compiler.build(version, "concurrent-" + version, files);
        assertThat(build.problems()).isEmpty();
        return new RuleSetScenarios().run(build.container(), files.stream()
                        .filter(f -> f.kind() == RuleSetFile.Kind.TEST_SCENARIO).toList())
                .stream().filter(r -> !r.passed()).map(ScenarioResult::description).toList();
    }

    private static List<RuleSetFile> edited(String name, UnaryOperator<String> edit) {
        List<RuleSetFile> files = new ArrayList<>();
        for (RuleSetFile file : SHIPPED.files()) {
            files.add(file.name().equals(name)
                    ? new RuleSetFile(file.path(), edit.apply(file.text()).getBytes(StandardCharsets.UTF_8)) : file);
        }
        return files;
    }
}
