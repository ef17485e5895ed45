package org.blended.service.ruleset.source;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One file of a rule set, by its path in the rule base (for example
 * {@code org/blended/rules/financial/debt-service-cover.drl.csv} or {@code scenarios/criteria.scesim}).
 */
public record RuleSetFile(String path, byte[] content) {

    public enum Kind { DRL, DECISION_TABLE_CSV, DECISION_TABLE_XLSX, TEST_SCENARIO, OTHER }

    /** The file name without its folders; unique within a rule set. */
    public String name() {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    public Kind kind() {
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".drl")) {
            return Kind.DRL;
        }
        if (lower.endsWith(".csv")) {
            return Kind.DECISION_TABLE_CSV;
        }
        if (lower.endsWith(".xlsx")) {
            return Kind.DECISION_TABLE_XLSX;
        }
        if (lower.endsWith(".scesim")) {
            return Kind.TEST_SCENARIO;
        }
        return Kind.OTHER;
    }

    public boolean isRules() {
        Kind kind = kind();
        return kind == Kind.DRL || kind == Kind.DECISION_TABLE_CSV || kind == Kind.DECISION_TABLE_XLSX;
    }

    public String text() {
        return new String(content, StandardCharsets.UTF_8);
    }
}
