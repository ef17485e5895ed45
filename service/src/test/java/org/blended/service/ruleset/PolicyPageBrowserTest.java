package org.blended.service.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.blended.service.Accessibility;
import org.blended.service.Examples;
import org.blended.service.HeadlessChromium;
import org.blended.service.Http;
import org.blended.service.TestLenders;
import org.blended.service.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.test.context.ActiveProfiles;

/**
 * A policy owner at work in a real headless Chromium (Debian's chromium and chromium-driver,
 * installed by .ci/run): sign in, download a table, change a threshold, upload it (a change to its
 * code is refused: that needs a rule author), validate, run a what-if and see its charts, publish
 * (confirmed, with a reason) and roll back, by clicking as a person would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"postgres", "test"})
class PolicyPageBrowserTest {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @LocalServerPort
    int port;

    @Autowired
    TestLenders lenders;

    @Autowired
    JdbcUserDetailsManager people;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    ShippedVersion shipped;

    @TempDir
    Path downloads;

    @TempDir
    Path profile;

    WebDriver browser;

    @BeforeEach
    void openBrowser() {
        ChromeOptions options = HeadlessChromium.options(profile);
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        browser = HeadlessChromium.open(options);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
        shipped.restore();
    }

    @Test
    void aPolicyOwnerChangesAThresholdSeesItsEffectPublishesAndRollsBack() throws Exception {
        TestLenders.TestLender lender = lenders.newLender();
        Http api = new Http(port, lender.apiKey());
        for (String example : Examples.expectedOutcomes().keySet()) {
            assertThat(api.postJson("/api/v1/applications", Examples.json(example)).statusCode()).isEqualTo(201);
        }
        String username = "owner-" + UUID.randomUUID().toString().substring(0, 8);
        people.createUser(User.withUsername(username).password(passwords.encode("a-long-enough-password"))
                .roles(Role.POLICY_OWNER.name()).build());

        browser.get(url("/policy"));
        Accessibility.assertNoViolations(browser, "the sign-in page");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys("a-long-enough-password");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        String activeText = text("active-version");
        assertThat(activeText).startsWith("Active: version ");
        int shippedVersion = shipped.version();
        Accessibility.assertNoViolations(browser, "the rule sets page");

        browser.findElement(By.linkText(RuleSetEdits.RESERVES_TABLE)).click();
        Path downloaded = downloads.resolve(RuleSetEdits.RESERVES_TABLE);
        // Chromium reserves the final name with an empty file before it writes the .crdownload and renames it
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(b -> finished(downloaded));
        String table = Files.readString(downloaded, StandardCharsets.UTF_8);
        Path edited = Files.writeString(profile.resolve(RuleSetEdits.RESERVES_TABLE), RuleSetEdits.higherMinimumReserves(table));

        // The table's code row is code, not a value: a policy owner's upload of it is refused, saying where
        Path codeChange = Files.createDirectories(profile.resolve("code-change")).resolve(RuleSetEdits.RESERVES_TABLE);
        Files.writeString(codeChange, RuleSetEdits.reservesPointsCodeChanged(table));
        browser.findElement(By.id("file")).sendKeys(codeChange.toAbsolutePath().toString());
        browser.findElement(By.cssSelector("#upload button[type=submit]")).click();
        shows("problem", "reserves.drl.csv, row 8, \"Points\": the code row changed");
        assertThat(text("problem")).contains("only a rule author may change");
        Accessibility.assertNoViolations(browser, "the rule sets page with a refused upload");

        browser.findElement(By.id("file")).sendKeys(edited.toAbsolutePath().toString());
        browser.findElement(By.id("note")).sendKeys("Reserves under six weeks rate amber");
        browser.findElement(By.cssSelector("#upload button[type=submit]")).click();
        showsMessage("Uploaded as draft version");
        String draftUrl = browser.getCurrentUrl();
        int draft = Integer.parseInt(draftUrl.substring(draftUrl.lastIndexOf('/') + 1));
        Accessibility.assertNoViolations(browser, "a draft's page");

        browser.findElement(By.id("validate")).click();
        showsMessage("Test Scenarios passed");
        assertThat(text("validation-summary")).contains("passed");
        Accessibility.assertNoViolations(browser, "a draft's page with its validation");

        browser.findElement(By.name("lender")).sendKeys(lender.code());
        browser.findElement(By.id("run-what-if")).click();
        // the page follows the run in its live region, and shows itself again with the results when it ends
        new WebDriverWait(browser, Duration.ofSeconds(60)).pollingEvery(Duration.ofMillis(500)).ignoring(StaleElementReferenceException.class)
                .until(b -> b.findElement(By.id("what-if-state")).getText().contains("finished"));
        assertThat(text("what-if-state")).isEqualTo("The what-if has finished: 15 of 15 applications assessed (100%).");
        List<WebElement> changes = browser.findElements(By.cssSelector("#changes tbody tr"));
        assertThat(changes).hasSize(4).allSatisfy(row -> assertThat(row.getText()).contains("F6-AMBER (0 points)")
                .contains("F6-GREEN (1 point)"));
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(b -> !b.findElements(By.cssSelector("#outcomes-chart canvas")).isEmpty()
                && !b.findElements(By.cssSelector("#approval-rate-chart canvas")).isEmpty());
        assertThat(browser.findElement(By.id("what-if-csv")).getAttribute("href")).endsWith(".csv");
        screenshot("policy-what-if.png");
        Accessibility.assertNoViolations(browser, "a finished what-if");

        browser.findElement(By.id("back-to-version")).click();
        browser.findElement(By.id("publish")).click();
        assertThat(text("would-change")).startsWith("4 stored decisions of 15 would change");
        browser.findElement(By.id("confirm-publish")).click();
        shows("error-summary", "Enter why you are publishing this version");
        assertThat(text("what-will-happen"))
                .contains("replacing version " + shippedVersion);
        Accessibility.assertNoViolations(browser, "the publish confirmation with its reason missing");
        String reason = "Reserves under six weeks rate amber, as the credit committee agreed";
        browser.findElement(By.id("reason")).sendKeys(reason);
        screenshot("policy-publish-confirmation.png");
        browser.findElement(By.id("confirm-publish")).click();
        showsMessage("Published");
        assertThat(text("state")).isEqualTo("Active");
        assertThat(text("history")).contains(reason);
        String citedNow = Http.json(api.postJson("/api/v1/applications", Examples.json("youth-boxing-charity.json")))
                .get("decision").get("ruleSetVersion").asText();
        assertThat(citedNow).isEqualTo("rule-set-" + draft);
        browser.navigate().refresh();
        assertThat(text("decisions-made")).startsWith("Decisions made with this version: 1 (the latest ");
        Accessibility.assertNoViolations(browser, "the active version's page");

        browser.get(url("/policy/rule-sets/" + shippedVersion));
        browser.findElement(By.id("roll-back")).click();
        browser.findElement(By.id("reason")).sendKeys("The committee wants another look");
        Accessibility.assertNoViolations(browser, "the roll back confirmation");
        browser.findElement(By.id("confirm-rollback")).click();
        showsMessage("Rolled back");
        assertThat(text("state")).isEqualTo("Active");
        assertThat(text("history")).contains("The committee wants another look");
        browser.findElement(By.id("all-versions")).click();
        assertThat(browser.findElement(By.id("version-" + draft)).getText()).contains("Retired");
        screenshot("policy-versions.png");
        Accessibility.assertNoViolations(browser, "the rule sets page after a rollback");
    }

    /** Waits for the answer to a form: the page that says what was done. */
    private void showsMessage(String expected) {
        shows("message", expected);
    }

    /** Waits for the answer to a form: the page with a message ("message", or "problem" for a refusal). */
    private void shows(String id, String expected) {
        try {
            // the page before the form's answer may still be there, and go while it is read: read again
            new WebDriverWait(browser, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
                    .until(b -> b.findElements(By.id(id)).stream().anyMatch(m -> m.getText().contains(expected)));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("No " + id + " \"" + expected + "\" on " + browser.getCurrentUrl() + ":\n"
                    + browser.getPageSource(), e);
        }
    }

    /**
     * The element's text once the page that has it is shown (a form's answer may still be on its
     * way); when it never comes, the failure shows the page the browser is on.
     */
    private String text(String id) {
        try {
            return new WebDriverWait(browser, Duration.ofSeconds(15)).ignoring(StaleElementReferenceException.class)
                    .until(b -> b.findElement(By.id(id)).getText());
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("#" + id + " is not on " + browser.getCurrentUrl() + ":\n" + browser.getPageSource(), e);
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void screenshot(String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    private boolean finished(Path download) {
        try (var partial = Files.list(download.getParent())) {
            return Files.exists(download) && Files.size(download) > 0
                    && partial.noneMatch(p -> p.getFileName().toString().endsWith(".crdownload"));
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
