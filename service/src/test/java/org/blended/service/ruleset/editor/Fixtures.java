package org.blended.service.ruleset.editor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.blended.service.ruleset.editor.TableDocument.EditedRow;
import org.blended.service.ruleset.source.RuleSetFile;
import org.blended.service.ruleset.source.ShippedRuleSet;
import org.blended.service.ruleset.source.TableLayout;

/** Tables for the editor's tests: small ones in the new shape (one column per bound), and the shipped ones. */
final class Fixtures {

    private static final List<RuleSetFile> SHIPPED = new ShippedRuleSet().files();

    private Fixtures() {
    }

    static RuleSetFile fixture(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
            return new RuleSetFile(ShippedRuleSet.RULES_ROOT + "financial/" + name, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RuleSetFile fixture(String name, String replaced, String by) {
        String text = fixture(name).text();
        if (!text.contains(replaced)) {
            throw new IllegalArgumentException(name + " has no " + replaced);
        }
        return new RuleSetFile(fixture(name).path(), text.replace(replaced, by).getBytes(StandardCharsets.UTF_8));
    }

    static RuleSetFile shipped(String name) {
        return SHIPPED.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    static List<RuleSetFile> shippedTables() {
        return SHIPPED.stream().filter(f -> f.kind() == RuleSetFile.Kind.DECISION_TABLE_CSV).toList();
    }

    static List<RuleSetFile> shippedFiles() {
        return SHIPPED;
    }

    static TableDocument document(RuleSetFile file) {
        try {
            return TableDocument.read(file);
        } catch (TableLayout.Unreadable e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every section's rows as stored, in lists that may be changed. */
    static Map<Integer, List<EditedRow>> stored(TableDocument document) {
        Map<Integer, List<EditedRow>> rows = new LinkedHashMap<>();
        document.sections().forEach(s -> rows.put(s.index(), new ArrayList<>(s.storedRows())));
        return rows;
    }

    /** The rows with one business cell changed: table t, row r, the column labelled so. */
    static Map<Integer, List<EditedRow>> withCell(TableDocument document, int t, int r, String label, String value) {
        Map<Integer, List<EditedRow>> rows = stored(document);
        var section = document.sections().get(t);
        int c = column(section, label);
        EditedRow row = rows.get(t).get(r);
        List<String> values = new ArrayList<>(row.values());
        values.set(c, value);
        rows.get(t).set(r, new EditedRow(row.origin(), values));
        return rows;
    }

    static int column(TableDocument.Section section, String label) {
        for (int c = 0; c < section.columns().size(); c++) {
            if (section.columns().get(c).label().equals(label)) {
                return c;
            }
        }
        throw new IllegalArgumentException("no column " + label);
    }
}
