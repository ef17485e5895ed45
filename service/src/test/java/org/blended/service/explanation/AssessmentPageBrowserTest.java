package org.blended.service.explanation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.blended.service.Examples;
import org.blended.service.Http;
import org.blended.service.TestLenders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The applicant's page in a real headless Chromium (Debian's package; `.ci/run` installs it), as
 * an applicant opens it from the link. The screenshot is kept in target/screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"postgres", "test"})
class AssessmentPageBrowserTest {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @LocalServerPort
    int port;

    @Autowired
    TestLenders lenders;

    @TempDir
    Path profile;

    @Test
    void aReferredApplicantReadsTheOutcomeEachThemeAndWhatWouldChangeIt() throws Exception {
        Http lender = new Http(port, lenders.newLender().apiKey());
        String link = Http.json(lender.postJson("/api/v1/applications", Examples.json("youth-boxing-charity.json")))
                .get("assessmentLink").asText();
        String url = "http://localhost:" + port + link;

        String dom = chromium("--dump-dom", url);
        Files.createDirectories(SCREENSHOTS);
        Path screenshot = SCREENSHOTS.resolve("assessment-referred.png").toAbsolutePath();
        Files.deleteIfExists(screenshot);
        chromium("--screenshot=" + screenshot, "--window-size=1000,2400", url);

        assertThat(dom).contains("Southside Youth Boxing Club").contains("Referred to a lending officer")
                .contains("Who benefits").contains("Your finances").contains("What would change the outcome")
                .contains("class=\"option\"").doesNotContain("F1-").doesNotContain("D1-");
        assertThat(Files.size(screenshot)).as("screenshot " + screenshot).isGreaterThan(10_000);
    }

    private String chromium(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("chromium", "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("chromium finished").isTrue();
        assertThat(process.exitValue()).as("chromium exit code").isZero();
        return out;
    }
}
