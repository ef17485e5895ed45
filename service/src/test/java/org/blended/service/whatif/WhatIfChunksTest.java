package org.blended.service.whatif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.blended.integration.submission.ApplicationIntake;
import org.blended.integration.submission.Channel;
import org.blended.integration.submission.Submission;
import org.blended.service.Examples;
import org.blended.service.TestLenders;
import org.blended.service.ruleset.RuleSetEdits;
import org.blended.service.ruleset.ShippedVersion;
import org.blended.service.ruleset.lifecycle.RuleSets;
import org.blended.service.ruleset.source.RuleSetFile;
import org.blended.service.ruleset.upload.RuleSetUpload;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * A what-if whose applications take several chunks (three of five here): the chunks are read
 * through one cursor and evaluated while the next is read, and the run still counts each
 * application once, lists the changes in the order the applications were received, and covers
 * only the lender asked for.
 */
@SpringBootTest(properties = "blended.rule-sets.what-if-chunk=5")
@ActiveProfiles({"postgres", "test"})
class WhatIfChunksTest {

    @Autowired
    WhatIfService whatIf;

    @Autowired
    RuleSets ruleSets;

    @Autowired
    ApplicationIntake intake;

    @Autowired
    TestLenders lenders;

    @Autowired
    ShippedVersion shipped;

    @Test
    void aRunOverSeveralChunksCountsEachApplicationOnceAndListsChangesInTheOrderReceived() {
        TestLenders.TestLender lender = lenders.newLender();
        TestLenders.TestLender other = lenders.newLender();
        List<String> examples = new ArrayList<>(Examples.expectedOutcomes().keySet());
        List<String> references = new ArrayList<>();
        for (String example : examples) { // one at a time: each received after the one before
            String reference = "CHUNKS-" + references.size() + "-" + UUID.randomUUID().toString().substring(0, 8);
            references.add(reference);
            intake.submit(new Submission(Examples.withReference(example, reference).getBytes(StandardCharsets.UTF_8),
                    Channel.FILE, "what-if test", lender.id()));
        }
        intake.submit(new Submission(Examples.json(examples.get(0)).getBytes(StandardCharsets.UTF_8), Channel.FILE,
                "what-if test", other.id()));
        int draft = reservesDraft();

        WhatIfView run = finished(whatIf.start(draft, new WhatIfScope(null, null, lender.code()), "test"));

        assertThat(run.status()).as(String.valueOf(run.failure())).isEqualTo("FINISHED");
        assertThat(run.total()).isEqualTo(examples.size());
        assertThat(run.done()).isEqualTo(examples.size());
        assertThat(run.percentDone()).isEqualTo(100);
        WhatIfSummary summary = run.summary();
        assertThat(summary.applications()).isEqualTo(examples.size());
        assertThat(summary.active().version()).isEqualTo(shipped.version());
        assertThat(summary.draft().version()).isEqualTo(draft);
        assertThat(summary.active().outcomes().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(examples.size());
        assertThat(summary.draft().outcomes().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(examples.size());
        assertThat(summary.active().notAssessed()).isZero();
        assertThat(summary.draft().notAssessed()).isZero();
        assertThat(summary.groups().stream().filter(g -> g.dimension().equals("legal form"))
                .mapToInt(WhatIfGroups.Group::applications).sum()).isEqualTo(examples.size());
        assertThat(summary.draft().meanFinancialScore()).isLessThan(summary.active().meanFinancialScore());

        assertThat(run.changed()).isEqualTo(4).isEqualTo(summary.changed());
        assertThat(run.changes()).hasSize(4)
                .allSatisfy(change -> {
                    assertThat(change.reasonsRemoved()).containsExactly("F6-GREEN(1)");
                    assertThat(change.reasonsAdded()).containsExactly("F6-AMBER(0)");
                    assertThat(change.why()).contains("under the 1.5 months we look for.");
                });
        List<String> changedReferences = run.changes().stream().map(WhatIfChange::lenderReference).toList();
        assertThat(changedReferences).isSubsetOf(references)
                .isSortedAccordingTo((a, b) -> Integer.compare(references.indexOf(a), references.indexOf(b)));
        assertThat(whatIf.view(run.id(), 2).changes()).extracting(WhatIfChange::lenderReference)
                .containsExactlyElementsOf(changedReferences.subList(2, 4));
    }

    @Test
    void aLenderWithNoApplicationsGetsAnEmptyFinishedRun() {
        TestLenders.TestLender lender = lenders.newLender();

        WhatIfView run = finished(whatIf.start(reservesDraft(), new WhatIfScope(null, null, lender.code()), "test"));

        assertThat(run.status()).as(String.valueOf(run.failure())).isEqualTo("FINISHED");
        assertThat(run.total()).isZero();
        assertThat(run.done()).isZero();
        assertThat(run.percentDone()).isEqualTo(100);
        assertThat(run.changes()).isEmpty();
        assertThat(run.summary().applications()).isZero();
    }

    private int reservesDraft() {
        int active = ruleSets.active().version();
        RuleSetFile table = ruleSets.files(active).stream().filter(f -> f.name().equals(RuleSetEdits.RESERVES_TABLE))
                .findFirst().orElseThrow();
        return ruleSets.upload(null, List.of(new RuleSetUpload(table.name(),
                RuleSetEdits.higherMinimumReserves(table.text()).getBytes(StandardCharsets.UTF_8))), null, "test").version();
    }

    private WhatIfView finished(UUID run) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> whatIf.view(run, 0), view -> !view.status().equals("RUNNING"));
    }
}
