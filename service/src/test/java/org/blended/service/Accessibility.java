package org.blended.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * The project's accessibility standard in the browser tests: axe-core finds no WCAG 2.0, 2.1 or
 * 2.2 level A or AA violation on the page the browser shows. axe-core comes from npm, pinned in
 * src/test/js and put on the test classpath by the build (service/pom.xml). It is evaluated by
 * the driver, not loaded by the page, so the pages' Content-Security-Policy does not stop it.
 */
public final class Accessibility {

    /** The WCAG success criteria checked: levels A and AA of WCAG 2.0, 2.1 and 2.2. */
    private static final List<String> STANDARD = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    private static final int TARGETS_SHOWN = 3;

    private static String axe;

    private Accessibility() {
    }

    /** Fails, listing each violation, when axe-core finds the page the browser shows short of the standard. */
    public static void assertNoViolations(WebDriver browser, String pageName) {
        JavascriptExecutor page = (JavascriptExecutor) browser;
        if (!Boolean.TRUE.equals(page.executeScript("return typeof window.axe === 'object';"))) {
            page.executeScript(axe());
        }
        Object answer = page.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
                    .then(results => done(results.violations), error => done('axe failed: ' + error));
                """, STANDARD);
        if (answer instanceof String failure) {
            throw new AssertionError(pageName + " (" + browser.getCurrentUrl() + "): " + failure);
        }
        List<?> violations = (List<?>) answer;
        if (!violations.isEmpty()) {
            throw new AssertionError(violations.size() + " accessibility violation(s) on " + pageName + " ("
                    + browser.getCurrentUrl() + "):\n" + violations.stream().map(v -> describe((Map<?, ?>) v))
                    .collect(Collectors.joining("\n")));
        }
    }

    private static String describe(Map<?, ?> violation) {
        List<?> nodes = (List<?>) violation.get("nodes");
        StringBuilder text = new StringBuilder()
                .append("- ").append(violation.get("id")).append(" (").append(violation.get("impact")).append("): ")
                .append(violation.get("help")).append(", on ").append(nodes.size()).append(" element(s)");
        for (Object node : nodes.subList(0, Math.min(TARGETS_SHOWN, nodes.size()))) {
            Map<?, ?> element = (Map<?, ?>) node;
            text.append("\n    ").append(element.get("target")).append("  ").append(element.get("html"));
            if (element.get("failureSummary") instanceof String summary) {
                text.append("\n      ").append(summary.replace("\n", "\n      "));
            }
        }
        return text.toString();
    }

    private static synchronized String axe() {
        if (axe == null) {
            try (InputStream script = Accessibility.class.getResourceAsStream("/axe/axe.min.js")) {
                if (script == null) {
                    throw new IllegalStateException("axe/axe.min.js is not on the test classpath: the build's npm step"
                            + " (service/pom.xml, exec-maven-plugin axe-npm-ci) puts it there; build with Maven, not -DskipTests");
                }
                axe = new String(script.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return axe;
    }
}
