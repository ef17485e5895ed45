package org.blended.service.ruleset.editor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import org.blended.service.Accessibility;
import org.blended.service.HeadlessChromium;
import org.blended.service.ruleset.ShippedVersion;
import org.blended.service.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
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
 * The table editor in a real browser: accessible as shown, with a number checked as it is typed,
 * and with the error summary after a refused save; usable 320 px wide (the table scrolls in its own region).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"postgres", "test"})
class TableEditorBrowserTest {

    @LocalServerPort
    int port;

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
    }

    @Test
    void theEditorIsAccessibleChecksAsYouTypeAndLinksEachProblemToItsCell() {
        String username = "owner-" + UUID.randomUUID().toString().substring(0, 8);
        people.createUser(User.withUsername(username).password(passwords.encode("a-long-enough-password"))
                .roles(Role.POLICY_OWNER.name()).build());
        browser.get("http://localhost:" + port + "/policy/rule-sets/" + shipped.version() + "/tables/debt-service-cover.drl.csv");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys("a-long-enough-password");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("F1 Debt service cover");
        Accessibility.assertNoViolations(browser, "the table editor");

        WebElement points = browser.findElements(By.cssSelector("input[id^='cell-0-2-']")).stream()
                .filter(i -> "3".equals(i.getAttribute("value"))).findFirst().orElseThrow();
        String id = points.getAttribute("id");
        points.clear();
        points.sendKeys("3%");
        String typing = id + "-typing";
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(b -> !b.findElements(By.id(typing)).isEmpty());
        assertThat(browser.findElement(By.id(typing)).getText()).isEqualTo("Enter the number without the % sign");
        Accessibility.assertNoViolations(browser, "the table editor with a number being typed");

        browser.findElement(By.id("save-table")).click();
        WebElement summary = browser.findElement(By.id("table-problems"));
        assertThat(summary.getText()).contains("\"3%\" is not a number: write 3 for 3%");
        summary.findElement(By.cssSelector("a[href='#" + id + "']")).click();
        assertThat(browser.findElement(By.id(id)).getAttribute("value")).as("what was typed is kept").isEqualTo("3%");
        Accessibility.assertNoViolations(browser, "the table editor with a problem");

        browser.manage().window().setSize(new Dimension(320, 900));
        Object overflow = ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        Object wide = ((JavascriptExecutor) browser).executeScript(
                "return Array.from(document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right > 330)"
                        + ".filter(e => !e.closest('.table-editor-scroll') || e.classList.contains('table-editor-scroll'))"
                        + ".slice(0, 8).map(e => e.tagName + '#' + e.id + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join('; ');");
        assertThat(((Number) overflow).intValue()).as("the page, but for the table's own scrolling region, fits 320 px: " + wide)
                .isLessThanOrEqualTo(0);
    }
}
