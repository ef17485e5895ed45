package org.blended.service.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.blended.service.Accessibility;
import org.blended.service.HeadlessChromium;
import org.blended.service.Http;
import org.blended.service.review.report.OfficerDesk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * An officer opens their lender's portfolio in a real headless Chromium with the examples stored:
 * the figures are the API's, the three charts are drawn under the page's content security policy,
 * the Outcomes Matrix grid holds the API's cells, and the page reads at 320 px wide.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = PortfolioTest.SETTINGS)
@ActiveProfiles({"postgres", "test"})
class PortfolioPageBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    ExamplePortfolio examples;

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
    void anOfficerReadsTheirLendersPortfolioWithChartsAndTheOutcomesMatrix() throws Exception {
        ExamplePortfolio.Stored stored = examples.store(port);
        JsonNode summary = Http.json(new Http(port, stored.lender().apiKey()).get("/api/v1/portfolio/summary"));
        JsonNode total = summary.get("total");

        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
        browser.get(url("/officer/portfolio"));
        browser.findElement(By.id("username")).sendKeys(stored.officer().username());
        browser.findElement(By.id("password")).sendKeys(OfficerDesk.PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();

        assertThat(text("headline")).startsWith(total.get("applications").asLong() + " applications for £");
        assertThat(text("approved-final")).isEqualTo(total.get("finalApproved").asText());
        assertThat(browser.findElement(By.id("months-total")).getText())
                .startsWith("All months " + total.get("applications").asLong() + " £")
                .contains(total.get("automatedApproved").asLong() + " (")
                .contains(total.get("finalApproved").asLong() + " (");
        for (JsonNode o : summary.get("byAutomatedOutcome")) {
            assertThat(browser.findElement(By.id("outcome-" + o.get("outcome").asText())).getText())
                    .contains(" " + o.get("applications").asLong() + " £");
        }
        for (JsonNode m : summary.get("measures")) {
            assertThat(browser.findElement(By.id("measure-" + m.get("measure").asText())).getText())
                    .contains(" " + m.get("claims").asLong() + " ");
        }

        JsonNode cells = summary.at("/matrix/cells");
        assertThat(cells).isNotEmpty();
        List<WebElement> filled = browser.findElements(By.cssSelector("#matrix td[data-cell]"));
        assertThat(filled).hasSize(summary.at("/matrix/areas").size() * summary.at("/matrix/groups").size());
        for (JsonNode cell : cells) {
            WebElement shown = browser.findElement(By.cssSelector(
                    "#matrix td[data-cell='" + cell.get("area").asText() + "/" + cell.get("group").asText() + "']"));
            assertThat(shown.getText()).endsWith("(" + cell.get("applications").asLong() + ")");
        }

        for (String chart : List.of("months-chart", "outcomes-chart", "matrix-chart")) {
            assertThat(browser.findElement(By.id(chart)).getAttribute("role")).isEqualTo("img");
            assertThat(browser.findElement(By.id(chart)).getAttribute("aria-label")).contains("below");
            // echarts draws into a canvas it adds: the script ran under the content security policy
            wait(b -> !b.findElements(By.cssSelector("#" + chart + " canvas")).isEmpty());
        }
        assertThat(text("no-protected")).contains("No protected characteristic");
        assertThat(browser.findElement(By.id("fairness-LEGAL_FORM")).getText()).contains("Low rate");
        assertThat(browser.findElement(By.id("download-csv")).getAttribute("href")).contains("/officer/portfolio/funder-report.csv");
        Accessibility.assertNoViolations(browser, "portfolio");
        // The whole page in one picture: the window as tall as the page
        long height = (Long) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollHeight");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, (int) Math.min(height + 200, 8000)));
        wait(b -> !b.findElements(By.cssSelector("#matrix-chart canvas")).isEmpty());
        screenshot("portfolio.png");

        // Narrow as a small phone: only the tables' and charts' own boxes scroll, never the page
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(320, 1600));
        browser.navigate().refresh(); // the charts lay their legends out for the width they open at
        wait(b -> !b.findElements(By.cssSelector("#months-chart canvas")).isEmpty());
        wait(b -> (Boolean) ((JavascriptExecutor) b).executeScript(
                "return document.documentElement.scrollWidth <= document.documentElement.clientWidth"));
        screenshot("portfolio-320.png");

        // The CSV download answers in the officer's own session
        String csv = (String) ((JavascriptExecutor) browser).executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + "fetch(document.getElementById('download-csv').href).then(r => r.text()).then(done);");
        assertThat(csv).startsWith("row,lender,reference").containsPattern("(?m)^total,");

        browser.get(url("/officer/portfolio?from=2026-13"));
        assertThat(text("error-summary")).contains("Request parameter from must be a month written YYYY-MM");
        Accessibility.assertNoViolations(browser, "portfolio with a refused month");
        assertThat(browser.findElements(By.id("lender"))).as("an officer reads their own lender's only").isEmpty();
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
