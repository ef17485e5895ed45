package org.blended.service;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebDriver;

/** The accessibility check itself, on two small pages: one that meets the standard, and one that does not. */
class AccessibilityTest {

    /** One browser for both pages. */
    static WebDriver browser;

    @BeforeAll
    static void openBrowser(@TempDir Path profile) {
        browser = HeadlessChromium.open(HeadlessChromium.options(profile));
    }

    @AfterAll
    static void closeBrowser() {
        browser.quit();
    }

    @Test
    void aPageThatMeetsTheStandardPasses() {
        browser.get(page("<!DOCTYPE html><html lang=\"en\"><head><title>Fine</title></head><body><main>"
                + "<h1>Fine</h1><label for=\"name\">Name</label><input id=\"name\"></main></body></html>"));
        Accessibility.assertNoViolations(browser, "a fine page");
    }

    @Test
    void aPageShortOfTheStandardFailsSayingWhereAndWhy() {
        // no lang, an input with no label, faint grey text (not a style: the page's Content-Security-Policy
        // refuses inline styles, as the service's does, and does not stop the check)
        browser.get(page("<!DOCTYPE html><html><head><title>Poor</title>"
                + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'\"></head><body><main>"
                + "<h1>Poor</h1><input id=\"nameless\"><p><font color=\"#bbbbbb\">faint</font></p></main></body></html>"));
        assertThatThrownBy(() -> Accessibility.assertNoViolations(browser, "a poor page"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("3 accessibility violation(s) on a poor page")
                .hasMessageContaining("html-has-lang (serious)")
                .hasMessageContaining("label (critical)").hasMessageContaining("#nameless")
                .hasMessageContaining("color-contrast (serious)");
    }

    private static String page(String html) {
        return "data:text/html;charset=utf-8," + URLEncoder.encode(html, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
