package org.blended.service.explanation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The applicant's result page in a real headless Chromium, as an applicant opens it from the link:
 * a decline, a referral and an approval with conditions, and a link that opens nothing. Each page
 * passes axe-core and fits 320 px; screenshots at 1280 and 320 px are kept in target/screenshots.
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

    WebDriver browser;

    @BeforeEach
    void openBrowser() {
        browser = HeadlessChromium.open(HeadlessChromium.options(profile));
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    @Test
    void aDeclinedApplicantReadsTheMainReasonFirstAndWhomToContact() {
        TestLenders.TestLender lender = lenders.newLender();
        Http admin = new Http(port, lenders.keyFor(Role.ADMIN));
        String profilePath = "/api/v1/admin/lenders/" + lender.code() + "/profile";
        HttpResponse<String> refused = put(admin, profilePath, "{\"contactEmail\":\"not an email\",\"responseWorkingDays\":0}");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("contactEmail").contains("responseWorkingDays");
        HttpResponse<String> set = put(admin, profilePath,
                "{\"contactEmail\":\"loans@example.org\",\"contactPhone\":\"0121 496 0000\",\"responseWorkingDays\":3}");
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);

        JsonNode submitted = opened(lender, "sole-trader-cafe.json", "DECLINE");

        assertThat(text("outcome")).isEqualTo("Not approved this time");
        assertThat(text("reference")).isEqualTo(submitted.get("lenderReference").asText());
        assertThat(text("amount")).isEqualTo("£25,000");
        assertThat(text("term")).isEqualTo("36 months (3 years)");
        assertThat(text("primary-reason")).isEqualTo(primaryReason(submitted.at("/decision/reasons")));
        assertThat(text("contact")).contains("loans@example.org").contains("0121 496 0000");
        assertThat(text("timescale")).isEqualTo("Test lender aims to answer within 3 working days.");
        assertThat(text("automated")).contains("made automatically");
        assertThat(browser.findElement(By.cssSelector("header")).getText()).isEqualTo("Test lender");
        assertThat(browser.findElements(By.cssSelector("header a"))).isEmpty();
        assertThat(browser.findElement(By.id("request-review")).isDisplayed()).isTrue();
        checked("assessment-declined");

        // Printed, the request form is left out.
        ((HasCdp) browser).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        assertThat(browser.findElement(By.id("request-review")).isDisplayed()).isFalse();
    }

    @Test
    void aReferredApplicantReadsWhenAnOfficerWillDecide() {
        JsonNode submitted = opened(lenders.newLender(), "homelessness-charity-cio.json", "REFER");

        assertThat(text("outcome")).isEqualTo("Referred to a lending officer");
        assertThat(text("amount")).isEqualTo("£120,000");
        assertThat(text("term")).isEqualTo("60 months (5 years)");
        assertThat(text("expect-by")).startsWith("A lending officer aims to decide by");
        assertThat(browser.findElements(By.id("primary-reason"))).isEmpty();
        assertThat(browser.getPageSource()).contains("Who benefits").contains("Your finances")
                .doesNotContain("F1-").doesNotContain("D1-");
        checked("assessment-referred");
    }

    @Test
    void anApplicantApprovedWithConditionsReadsThemOnceAsANumberedList() {
        JsonNode submitted = opened(lenders.newLender(), "bakery-cic.json", "APPROVE_WITH_CONDITIONS");

        assertThat(text("outcome")).isEqualTo("Approved, with conditions");
        List<String> conditions = new ArrayList<>();
        submitted.at("/decision/reasons").forEach(r -> {
            if (r.get("effect").asText().equals("CONDITION") && !conditions.contains(r.get("applicantText").asText())) {
                conditions.add(r.get("applicantText").asText());
            }
        });
        assertThat(conditions).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("ol#condition-list.govuk-list--number > li")))
                .extracting(WebElement::getText).containsExactlyElementsOf(conditions);
        String themes = browser.findElements(By.cssSelector("section.theme")).stream().map(WebElement::getText)
                .reduce("", String::concat);
        conditions.forEach(c -> assertThat(themes).doesNotContain(c));
        assertThat(browser.findElements(By.id("primary-reason"))).isEmpty();
        assertThat(text("next-steps")).contains("Contact Test lender").contains("Use the contact details you applied with");
        assertThat(browser.findElements(By.id("contact"))).isEmpty();
        checked("assessment-approved-with-conditions");
    }

    @Test
    void aLinkThatOpensNothingGetsAPageSayingSo() {
        HttpResponse<String> answer = new Http(port).get("/assessment/no-such-link");
        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(answer.body()).contains("<h1");

        browser.get(url("/assessment/no-such-link"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("This link does not open an assessment");
        checked("assessment-bad-link");
    }

    private static HttpResponse<String> put(Http http, String path, String json) {
        return http.send(http.request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Submits the example as the lender and opens its applicant's link, once the rules gave the outcome expected. */
    private JsonNode opened(TestLenders.TestLender lender, String example, String outcome) {
        JsonNode submitted = Http.json(new Http(port, lender.apiKey()).postJson("/api/v1/applications", Examples.json(example)));
        assertThat(submitted.at("/decision/outcome").asText()).isEqualTo(outcome);
        browser.get(url(submitted.get("assessmentLink").asText()));
        return submitted;
    }

    /** The hard stop's sentence if there is one, else the sentence that took the most points away. */
    private static String primaryReason(JsonNode reasons) {
        List<JsonNode> all = new ArrayList<>();
        reasons.forEach(all::add);
        return all.stream().filter(r -> r.get("effect").asText().equals("HARD_STOP")).findFirst()
                .or(() -> all.stream().filter(r -> r.get("effect").asText().equals("POINTS"))
                        .min(Comparator.comparingInt(r -> r.get("points").asInt())))
                .map(r -> r.get("applicantText").asText()).orElseThrow();
    }

    /** The landmarks, axe-core at 1280 and 320 px, nothing wider than a phone, and both screenshots kept. */
    private void checked(String name) {
        assertThat(browser.findElements(By.cssSelector("header"))).hasSize(1);
        assertThat(browser.findElements(By.cssSelector("main"))).hasSize(1);
        assertThat(browser.findElements(By.cssSelector("footer"))).hasSize(1);
        for (int width : new int[] {1280, 320}) {
            browser.manage().window().setSize(new Dimension(width, 1600));
            Accessibility.assertNoViolations(browser, name + " at " + width + " px");
            Object overflow = ((JavascriptExecutor) browser).executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertThat(((Number) overflow).intValue()).as(name + " overflows at " + width + " px").isLessThanOrEqualTo(0);
            screenshot(name + "-" + width);
        }
    }

    private void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            // The whole page, not just the window: a full-page capture through the DevTools protocol.
            Object shot = ((HasCdp) browser).executeCdpCommand("Page.captureScreenshot",
                    Map.of("format", "png", "captureBeyondViewport", true)).get("data");
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, Base64.getDecoder().decode((String) shot));
            assertThat(Files.size(file)).as("screenshot " + file).isGreaterThan(10_000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String text(String id) {
        return new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(b -> b.findElements(By.id(id)).isEmpty() ? null : b.findElement(By.id(id)).getText());
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
