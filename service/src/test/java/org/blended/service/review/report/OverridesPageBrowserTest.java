package org.blended.service.review.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.blended.rules.assessment.Outcome;
import org.blended.service.Accessibility;
import org.blended.service.HeadlessChromium;
import org.blended.service.Http;
import org.blended.service.TestLenders;
import org.blended.service.review.people.Officer;
import org.blended.service.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * An officer signs in and reads their lender's overrides in a real headless Chromium: the
 * tables in people's words, both charts drawn (a canvas each, under the page's strict content
 * security policy), a month that cannot be read shown on the form, and the page at 320 px wide.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"postgres", "test"})
class OverridesPageBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    TestLenders lenders;

    @Autowired
    OfficerDesk desk;

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
    }

    @Test
    void anOfficerReadsTheirLendersOverridesWithTablesAndCharts() throws Exception {
        TestLenders.TestLender lender = lenders.newLender();
        Http api = new Http(port, lender.apiKey());
        Officer officer = desk.officer(lender.id(), "olivia", Role.OFFICER);
        UUID referred = desk.submit(api, "homelessness-charity-cio.json");
        desk.settle(officer, null, referred, Duration.ofHours(5), Outcome.DECLINE, "NEW_EVIDENCE",
                List.of(desk.criteria(referred).get(0)));

        browser.get(url("/officer/reports/overrides"));
        browser.findElement(By.id("username")).sendKeys(officer.username());
        browser.findElement(By.id("password")).sendKeys(OfficerDesk.PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();

        assertThat(text("headline")).startsWith("1 override of 1 final decision (100%)");
        assertThat(browser.findElement(By.cssSelector("#months caption")).getText()).isEqualTo("Final decisions and overrides by month");
        assertThat(browser.findElement(By.id("months-total")).getText()).isEqualTo("All months 1 1 100% 5 hours 5 hours");
        assertThat(browser.findElement(By.id("by-reason")).getText()).contains("Evidence the rules did not see NEW_EVIDENCE 1 1 100%");
        assertThat(browser.findElement(By.id("by-officer")).getText()).contains(officer.username());
        assertThat(browser.findElements(By.cssSelector("#months td.govuk-table__cell--numeric"))).hasSize(13 * 5);
        for (String chart : List.of("overrides-chart", "times-chart")) {
            assertThat(browser.findElement(By.id(chart)).getAttribute("role")).isEqualTo("img");
            assertThat(browser.findElement(By.id(chart)).getAttribute("aria-label")).contains("The table of months below");
            // echarts draws into a canvas it adds: the script ran under the content security policy
            wait(b -> !b.findElements(By.cssSelector("#" + chart + " canvas")).isEmpty());
        }
        assertThat(browser.findElement(By.id("overrides-chart")).getAttribute("aria-label"))
                .contains("1 override of 1 final decision (100% overall)");
        Accessibility.assertNoViolations(browser, "overrides report");
        screenshot("overrides-report.png");

        // Narrow as a small phone: only the tables' own boxes scroll, never the page
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(320, 1600));
        wait(b -> (Boolean) ((JavascriptExecutor) b).executeScript(
                "return document.documentElement.scrollWidth <= document.documentElement.clientWidth"));
        screenshot("overrides-report-320.png");

        browser.get(url("/officer/reports/overrides?from=2026-13"));
        assertThat(text("error-summary")).contains("Request parameter from must be a month written YYYY-MM");
        Accessibility.assertNoViolations(browser, "overrides report with a refused month");
        assertThat(browser.findElements(By.id("months"))).isEmpty();
        assertThat(browser.findElements(By.id("lender"))).as("an officer reads their own lender's only").isEmpty();

        // A policy owner reads any lender's, chosen on the form; review cases are not theirs
        browser.findElement(By.cssSelector("header button[type=submit]")).click();
        text("username"); // signed out: the sign-in page, before the next page is asked for
        browser.get(url("/officer/reports/overrides?lender=" + lender.code()));
        browser.findElement(By.id("username")).sendKeys(desk.person("owner", Role.POLICY_OWNER));
        browser.findElement(By.id("password")).sendKeys(OfficerDesk.PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        assertThat(text("headline")).startsWith("1 override of 1 final decision (100%)");
        assertThat(new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("lender"))).getFirstSelectedOption()
                .getAttribute("value")).isEqualTo(lender.code());
        assertThat(browser.findElements(By.linkText("Review cases"))).isEmpty();
    }

    /** The element's text once the page that has it is shown. */
    private String text(String id) {
        return wait(b -> b.findElement(By.id(id)).getText());
    }

    private <T> T wait(java.util.function.Function<WebDriver, T> until) {
        try {
            return new WebDriverWait(browser, Duration.ofSeconds(15)).until(until);
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("Not on " + browser.getCurrentUrl() + ":\n" + browser.getPageSource(), e);
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void screenshot(String name) throws Exception {
        Path directory = Files.createDirectories(Path.of("target", "screenshots"));
        Files.write(directory.resolve(name), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
