package org.blended.service.ruleset.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.blended.service.ruleset.source.RuleSetFile;
import org.junit.jupiter.api.Test;

/**
 * An uploaded table replaces the table of its name: a browser's renamed copy of a download is that
 * table; a name that matches none is refused for a policy owner, naming the closest, and added for a rule author.
 */
class UploadNamesTest {

    private static final List<RuleSetFile> BASE = List.of(
            file("org/blended/rules/financial/debt-service-cover.drl.csv", "cover"),
            file("org/blended/rules/financial/reserves.drl.csv", "reserves"),
            file("org/blended/rules/decision/decision.drl", "drl"),
            file("scenarios/criteria.scesim", "scenarios"));

    @Test
    void aBrowsersRenamedCopyReplacesTheTableItIsACopyOf() {
        for (String name : List.of("debt-service-cover (1).drl.csv", "debt-service-cover(2).drl.csv",
                "debt-service-cover.drl (3).csv")) {
            List<RuleSetFile> merged = RuleSetUploads.merge(BASE, List.of(upload(name, "edited")), 3, false);
            assertThat(merged).as(name).extracting(RuleSetFile::path).containsExactly(
                    "org/blended/rules/decision/decision.drl", "org/blended/rules/financial/debt-service-cover.drl.csv",
                    "org/blended/rules/financial/reserves.drl.csv", "scenarios/criteria.scesim");
            assertThat(merged.get(1).text()).isEqualTo("edited");
            assertThat(RuleSetUploads.recognisedCopies(BASE, List.of(upload(name, "edited"))))
                    .containsExactly(name + " was taken as a copy of debt-service-cover.drl.csv, which it replaced.");
        }
        assertThat(RuleSetUploads.recognisedCopies(BASE, List.of(upload("debt-service-cover.drl.csv", "edited")))).isEmpty();
    }

    @Test
    void aTableOfNoKnownNameIsRefusedNamingTheClosest() {
        assertThatThrownBy(() -> RuleSetUploads.merge(BASE, List.of(upload("debt-servce-cover.drl.csv", "edited")), 3, false))
                .isInstanceOfSatisfying(RuleSetUploadException.class, e -> assertThat(e.getBody().getDetail()).isEqualTo(
                        "debt-servce-cover.drl.csv matches no table of version 3; did you mean debt-service-cover.drl.csv? "
                                + "Name the file as the table you changed (or download the table again and edit that copy). "
                                + "To add a new table, a rule author uploads it."));
        assertThatThrownBy(() -> RuleSetUploads.merge(BASE, List.of(upload("portfolio-limits.xlsx", "new")), 3, false))
                .isInstanceOfSatisfying(RuleSetUploadException.class, e -> assertThat(e.getBody().getDetail())
                        .startsWith("portfolio-limits.xlsx matches no table of version 3. Name the file"));
    }

    @Test
    void aRuleAuthorAddsANewTableAndDrlAndScenarioFilesAreLeftToTheirOwnChecks() {
        List<RuleSetFile> added = RuleSetUploads.merge(BASE, List.of(upload("portfolio-limits.csv", "new")), 3, true);
        assertThat(added).extracting(RuleSetFile::path).contains("org/blended/rules/uploaded/portfolio-limits.drl.csv");
        // a new DRL file is code, which the code-change check refuses a policy owner with its own words
        assertThat(RuleSetUploads.merge(BASE, List.of(upload("extra.drl", "drl")), 3, false))
                .extracting(RuleSetFile::name).contains("extra.drl");
        assertThat(RuleSetUploads.merge(BASE, List.of(upload("more.scesim", "scenarios")), 3, false))
                .extracting(RuleSetFile::path).contains("scenarios/more.scesim");
        // the same table as .xlsx replaces its .csv, named so that Drools compiles it (it passes over a plain .xlsx)
        assertThat(RuleSetUploads.merge(BASE, List.of(upload("debt-service-cover (1).xlsx", "x")), 3, false))
                .extracting(RuleSetFile::path).contains("org/blended/rules/financial/debt-service-cover.drl.xlsx")
                .doesNotContain("org/blended/rules/financial/debt-service-cover.drl.csv");
    }

    private static RuleSetUpload upload(String name, String content) {
        return new RuleSetUpload(name, content.getBytes(StandardCharsets.UTF_8));
    }

    private static RuleSetFile file(String path, String content) {
        return new RuleSetFile(path, content.getBytes(StandardCharsets.UTF_8));
    }
}
