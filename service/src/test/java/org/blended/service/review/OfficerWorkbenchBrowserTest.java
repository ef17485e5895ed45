package org.blended.service.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import org.blended.service.Accessibility;
import org.blended.service.Examples;
import org.blended.service.HeadlessChromium;
import org.blended.service.Http;
import org.blended.service.TestLenders;
import org.blended.service.review.people.Officer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * An officer's day in a real headless Chromium: find a referred application in the queue, take it,
 * propose an override in the applicant's favour; a senior officer approves it; the applicant's page
 * then shows the final decision. And an applicant asks, once, for a person to review a decision.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"postgres", "test"})
class OfficerWorkbenchBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    TestLenders lenders;

    @Autowired
    TestOfficers officers;

    @TempDir
    Path profile;

    WebDriver browser;

    @BeforeEach
    void openBrowser() {
        browser = HeadlessChromium.open(HeadlessChromium.options(profile));
    }

    @AfterEach
    void closeBrowser(TestInfo test) throws Exception {
        if (browser != null) {
            Path shots = Files.createDirectories(Path.of("target", "screenshots"));
            Files.write(shots.resolve(test.getTestMethod().orElseThrow().getName() + ".png"),
                    ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
            browser.quit();
        }
    }

    @Test
    void anOfficerSettlesAReferralWithAnOverrideASeniorOfficerApprovesAndTheApplicantSeesIt() {
        TestLenders.TestLender lender = lenders.newLender();
        Officer officer = officers.officer(lender.id());
        Officer senior = officers.senior(lender.id());
        JsonNode submitted = Http.json(new Http(port, lender.apiKey())
                .postJson("/api/v1/applications", Examples.json("homelessness-charity-cio.json"))); // REFER, 120,000
        assertThat(submitted.at("/decision/outcome").asText()).isEqualTo("REFER");
        String reference = submitted.get("lenderReference").asText();

        signIn(officer.username());
        browser.findElement(By.cssSelector("#queue tr[data-reference='" + reference + "'] a")).click();
        assertThat(text("automated-outcome")).isEqualTo("Refer");
        assertThat(browser.findElements(By.cssSelector("#reasons tbody tr"))).isNotEmpty();
        Accessibility.assertNoViolations(browser, "the case page, not yet taken");
        browser.findElement(By.id("take")).click();
        assertThat(text("message")).isEqualTo("You have this case now");
        Accessibility.assertNoViolations(browser, "the case page, taken, with the decision form");

        browser.findElement(By.id("note")).sendKeys("Called the charity: the new hostel opens in March.");
        browser.findElement(By.cssSelector("#note-form button")).click();
        assertThat(text("notes")).contains("the new hostel opens in March").contains(officer.username());

        // Without a rationale the server refuses, and says why.
        browser.findElement(By.id("outcome-APPROVE")).click();
        new Select(browser.findElement(By.id("overrideReason"))).selectByValue("LOCAL_KNOWLEDGE");
        browser.findElement(By.id("record")).click();
        assertThat(text("problem")).contains("Rationale");
        Accessibility.assertNoViolations(browser, "the case page with a problem in the decision form");

        browser.findElement(By.id("rationale")).sendKeys("Twelve years running the night shelter; the council has agreed the lease.");
        browser.findElement(By.id("criterion-0")).click();
        browser.findElement(By.id("record")).click();
        assertThat(text("problem")).contains("Conditions: only an approval with conditions has them");
        browser.findElement(By.id("conditions")).clear(); // the rules' own conditions, offered as a start
        browser.findElement(By.id("record")).click();
        assertThat(text("message")).contains("needs a senior officer's approval");
        assertThat(text("approval-note")).contains("You proposed this: another senior officer must approve it");
        assertThat(browser.findElements(By.id("approve"))).isEmpty();
        Accessibility.assertNoViolations(browser, "the case page with the officer's own proposal pending");
        signOut();

        signIn(senior.username());
        browser.get(url("/officer?state=AWAITING_APPROVAL"));
        browser.findElement(By.cssSelector("#queue tr[data-reference='" + reference + "'] a")).click();
        assertThat(text("pending")).contains(officer.username() + " proposes Approve");
        Accessibility.assertNoViolations(browser, "the case page with a proposal for a senior officer");
        browser.findElement(By.id("approve")).click();
        assertThat(text("message")).contains("Approved");
        assertThat(text("final-outcome")).isEqualTo("Approve");
        assertThat(text("final-decision")).contains("approved by " + senior.username());
        Accessibility.assertNoViolations(browser, "the case page with the final decision");

        browser.get(url(submitted.get("assessmentLink").asText()));
        assertThat(text("final-outcome")).isEqualTo("Approved");
        assertThat(text("outcome")).isEqualTo("Referred to a lending officer");
        assertThat(browser.findElements(By.id("request-review"))).isEmpty();
        Accessibility.assertNoViolations(browser, "the applicant's page with the final decision");
    }

    @Test
    void anApplicantAsksOnceForAPersonToReviewTheDecision() {
        TestLenders.TestLender lender = lenders.newLender();
        JsonNode submitted = Http.json(new Http(port, lender.apiKey())
                .postJson("/api/v1/applications", Examples.json("sole-trader-cafe.json")));
        assertThat(submitted.at("/decision/outcome").asText()).isEqualTo("DECLINE");
        browser.get(url(submitted.get("assessmentLink").asText()));
        text("request-review");
        Accessibility.assertNoViolations(browser, "the applicant's page with the review request form");

        browser.findElement(By.cssSelector("#request-review button")).click();
        assertThat(text("request-problem")).contains("Say why");
        Accessibility.assertNoViolations(browser, "the applicant's page with a problem in the request");
        browser.findElement(By.id("why")).sendKeys("My second year's accounts show a profit; they were not included.");
        browser.findElement(By.cssSelector("#request-review button")).click();
        assertThat(text("request-received")).contains("We have received your request");
        assertThat(text("request-status")).contains("You will have an answer by");
        assertThat(browser.findElements(By.id("request-review"))).isEmpty();
        Accessibility.assertNoViolations(browser, "the applicant's page after the request");

        // The case is in the lender's queue, with the applicant's words.
        Officer officer = officers.officer(lender.id());
        signIn(officer.username());
        browser.findElement(By.cssSelector("#queue tr[data-reference='" + submitted.get("lenderReference").asText() + "'] a")).click();
        assertThat(text("request-text")).contains("second year's accounts");
        Accessibility.assertNoViolations(browser, "the case page with the applicant's request");

        // Narrow screens: the case page fits 320 px (wide tables scroll inside their own box).
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(320, 900));
        Object overflow = ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(((Number) overflow).intValue()).isLessThanOrEqualTo(0);
    }

    private void signIn(String username) {
        browser.get(url("/officer"));
        text("username");
        Accessibility.assertNoViolations(browser, "the sign-in page");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(TestOfficers.PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        text("queue");
        Accessibility.assertNoViolations(browser, "the officer's queue");
    }

    private void signOut() {
        browser.findElement(By.cssSelector("header button[type=submit]")).click();
        text("username");
    }

    private String text(String id) {
        return new WebDriverWait(browser, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
                .until(b -> b.findElements(By.id(id)).isEmpty() ? null : b.findElement(By.id(id)).getText());
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

}
