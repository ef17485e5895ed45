package org.blended.service.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue 15's walkthrough, clicked as a policy owner would in a real headless Chromium: raise the
 * debt service cover we look for from 1.25 to 2.0 in the table editor, see the scenarios that now
 * fail as expected against what the draft gives, accept them, see the coverage, run a what-if with
 * its chart, publish with a reason and roll back with another. Screenshots are kept.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"postgres", "test"})
class PolicyOwnerWalkthroughBrowserTest {

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
    Path profile;

    WebDriver browser;

    @BeforeEach
    void openBrowser() {
        browser = HeadlessChromium.open(HeadlessChromium.options(profile));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
        shipped.restore();
    }

    @Test
    void aPolicyOwnerRaisesTheCoverWeLookForAcceptsTheScenariosSeesTheEffectPublishesAndRollsBack() throws Exception {
        TestLenders.TestLender lender = lenders.newLender();
        Http api = new Http(port, lender.apiKey());
        for (String example : Examples.expectedOutcomes().keySet()) {
            assertThat(api.postJson("/api/v1/applications", Examples.json(example)).statusCode()).isEqualTo(201);
        }
        String username = "owner-" + UUID.randomUUID().toString().substring(0, 8);
        people.createUser(User.withUsername(username).password(passwords.encode("a-long-enough-password"))
                .roles(Role.POLICY_OWNER.name()).build());
        int shippedVersion = shipped.version();

        browser.get(url("/policy"));
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys("a-long-enough-password");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        text("main-content");

        // 1. The table as its business columns; the two cells where amber ends and green begins
        browser.get(url("/policy/rule-sets/" + shippedVersion + "/tables/debt-service-cover.drl.csv"));
        WebElement amberBelow = cell("F1 Debt service cover from the minimum", "Cover below");
        WebElement greenFrom = cell("F1 Debt service cover we look for", "Cover from");
        assertThat(amberBelow.getAttribute("value")).isEqualTo("1.25");
        assertThat(greenFrom.getAttribute("value")).isEqualTo("1.25");
        assertThat(browser.getPageSource()).doesNotContain("Reason.points(").doesNotContain("$param");
        Accessibility.assertNoViolations(browser, "the table editor");
        screenshot("policy-table-editor.png");
        replace(amberBelow, "2.0");
        replace(greenFrom, "2.0");
        browser.findElement(By.id("save-note")).sendKeys("Green from a cover of 2.0");
        browser.findElement(By.id("save-table")).click();
        shows("message", "as draft version");
        String draftUrl = browser.getCurrentUrl();
        int draft = Integer.parseInt(draftUrl.replaceAll(".*/rule-sets/(\\d+).*", "$1"));
        assertThat(draft).isNotEqualTo(shippedVersion);

        // 2. Validation: the scenarios the change fails, expected against what the draft gives
        browser.findElement(By.id("validate")).click();
        WebElement failing = element("failing-scenarios");
        assertThat(failing.getText()).contains("Draft gives").contains("Debt service cover exactly 1.25 is green")
                .contains("F1: GREEN").contains("F1: AMBER");
        Accessibility.assertNoViolations(browser, "a draft's failing scenarios");
        screenshot("policy-failing-scenarios.png");
        narrow("policy-failing-scenarios-320.png", "a draft's failing scenarios, 320 px wide");
        browser.findElement(By.id("accept-all")).click();
        shows("message", "ccepted");
        assertThat(text("accepted-changes")).contains("Debt service cover exactly 1.25 is green");
        browser.findElement(By.id("validate")).click();
        assertThat(text("row-coverage")).contains("%");
        assertThat(browser.findElements(By.id("failing-scenarios"))).as("every scenario passes now").isEmpty();
        screenshot("policy-validated-with-coverage.png");
        Accessibility.assertNoViolations(browser, "a validated draft with its coverage");

        // 3. What-if on this lender's applications, with its chart
        WebElement lenderField = browser.findElement(By.cssSelector("#what-if [name=lender]"));
        lenderField.sendKeys(lender.code());
        browser.findElement(By.id("run-what-if")).click();
        new WebDriverWait(browser, Duration.ofSeconds(120)).pollingEvery(Duration.ofMillis(500))
                .ignoring(StaleElementReferenceException.class).ignoring(org.openqa.selenium.NoSuchElementException.class)
                .until(b -> b.findElement(By.id("what-if-state")).getText().toLowerCase().contains("finished"));
        new WebDriverWait(browser, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
                .until(b -> !b.findElements(By.cssSelector("#outcomes-chart canvas, #outcomes-chart svg")).isEmpty());
        assertThat(browser.findElements(By.id("what-if-csv"))).isNotEmpty();
        screenshot("policy-what-if-chart.png");
        narrow("policy-what-if-chart-320.png", "a finished what-if, 320 px wide");
        Accessibility.assertNoViolations(browser, "a finished what-if with its charts");

        // 4. Publish with a reason, after a confirmation that says what it will do
        browser.get(url("/policy/rule-sets/" + draft));
        browser.findElement(By.id("publish")).click();
        assertThat(text("main-content")).contains("would change");
        Accessibility.assertNoViolations(browser, "the publish confirmation");
        screenshot("policy-publish-confirmation.png");
        narrow("policy-publish-confirmation-320.png", "the publish confirmation, 320 px wide");
        browser.findElement(By.id("confirm-publish")).click();
        assertThat(text("main-content")).as("a reason is required").containsIgnoringCase("reason");
        browser.findElement(By.id("reason")).sendKeys("Cover of 2.0 for green, as the credit committee decided");
        browser.findElement(By.id("confirm-publish")).click();
        shows("message", "Published");
        assertThat(browser.getPageSource()).contains("as the credit committee decided");
        String cited = Http.json(api.postJson("/api/v1/applications", Examples.json("youth-boxing-charity.json")))
                .get("decision").get("ruleSetVersion").asText();
        assertThat(cited).isEqualTo("rule-set-" + draft);

        // 5. Roll back with a reason
        browser.get(url("/policy/rule-sets/" + shippedVersion));
        browser.findElement(By.id("roll-back")).click();
        browser.findElement(By.id("reason")).sendKeys("Back to 1.25 while we consult the lenders");
        browser.findElement(By.id("confirm-rollback")).click();
        shows("message", "Rolled back");
        assertThat(browser.getPageSource()).contains("while we consult the lenders");
        screenshot("policy-rolled-back.png");
        Accessibility.assertNoViolations(browser, "a version rolled back to");
    }

    /** The editor's input for a row (by its rule name) and a business column (by its heading). */
    private WebElement cell(String rule, String column) {
        WebElement row = element("table-editor").findElements(By.cssSelector("tr")).stream()
                .filter(r -> r.findElements(By.cssSelector("input, textarea")).stream()
                        .anyMatch(i -> rule.equals(i.getAttribute("value"))) || r.getText().contains(rule))
                .findFirst().orElseThrow(() -> new AssertionError("no row " + rule + " in\n" + browser.getPageSource()));
        return row.findElements(By.cssSelector("input")).stream()
                .filter(i -> labelled(i, column)).findFirst()
                .orElseThrow(() -> new AssertionError("no cell " + column + " in the row " + rule));
    }

    /** Whether an input's accessible label names the column: its aria-label or its label element. */
    private boolean labelled(WebElement input, String column) {
        String aria = input.getAttribute("aria-label");
        if (aria != null && aria.contains(column)) {
            return true;
        }
        String id = input.getAttribute("id");
        return id != null && browser.findElements(By.cssSelector("label[for='" + id + "']")).stream()
                .anyMatch(l -> l.getAttribute("textContent").contains(column));
    }

    private static void replace(WebElement input, String value) {
        input.clear();
        input.sendKeys(value);
    }

    private WebElement element(String id) {
        try {
            return new WebDriverWait(browser, Duration.ofSeconds(60)).ignoring(StaleElementReferenceException.class)
                    .until(b -> b.findElement(By.id(id)));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("#" + id + " is not on " + browser.getCurrentUrl() + ":\n" + browser.getPageSource(), e);
        }
    }

    private String text(String id) {
        try {
            return new WebDriverWait(browser, Duration.ofSeconds(60)).ignoring(StaleElementReferenceException.class)
                    .until(b -> b.findElement(By.id(id)).getText());
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("#" + id + " is not on " + browser.getCurrentUrl() + ":\n" + browser.getPageSource(), e);
        }
    }

    private void shows(String id, String expected) {
        try {
            new WebDriverWait(browser, Duration.ofSeconds(60)).ignoring(StaleElementReferenceException.class)
                    .until(b -> b.findElements(By.id(id)).stream().anyMatch(m -> m.getText().contains(expected)));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("No " + id + " \"" + expected + "\" on " + browser.getCurrentUrl() + ":\n"
                    + browser.getPageSource(), e);
        }
    }

    /**
     * The page as a phone shows it, 320 px wide: kept as a screenshot, checked with axe-core and for
     * anything wider than the screen outside a table's own scrolling region, then wide again.
     */
    private void narrow(String name, String what) throws Exception {
        org.openqa.selenium.Dimension wide = browser.manage().window().getSize();
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(320, 1600));
        try {
            screenshot(name);
            Accessibility.assertNoViolations(browser, what);
            Object outside = ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                    "return Array.from(document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right > 330)"
                            + ".filter(e => !e.closest('[role=region]'))"
                            + ".slice(0, 8).map(e => e.tagName + '#' + e.id + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join('; ');");
            assertThat(outside).as("nothing but a scrolling region is wider than 320 px on " + what).isEqualTo("");
        } finally {
            browser.manage().window().setSize(wide);
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void screenshot(String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
