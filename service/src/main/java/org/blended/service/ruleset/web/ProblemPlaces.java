package org.blended.service.ruleset.web;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.blended.service.ruleset.source.RuleSetFile;
import org.blended.service.ruleset.source.RuleSetProblem;
import org.blended.service.ruleset.source.TableLayout;

/**
 * Says where a problem is the way a policy owner sees the rules: a decision table by its name and
 * its rule rows counted from the first (as the table editor shows them), the column by its label:
 * {@code Table F1 Debt service cover, row 3, column "Cover from"}, with the file and the spreadsheet's
 * row number beside it for those who open the file. A DRL file keeps its line.
 */
final class ProblemPlaces {

    /** A problem as the page shows it: where, in words, and what is wrong. */
    public record Shown(String file, String place, String message) {

        /** In one sentence, for a summary of problems. */
        public String sentence() {
            return (place == null ? file : place) + ": " + message;
        }
    }

    private static final Pattern ROW = Pattern.compile("^(?:sheet (.+?), )?row (\\d+)(?:, (.+))?$");
    private static final Pattern RULE = Pattern.compile("^rule \"(.+)\"$");

    private final List<RuleSetFile> files;
    private final Map<String, Optional<TableLayout>> layouts = new HashMap<>();

    ProblemPlaces(List<RuleSetFile> files) {
        this.files = files;
    }

    List<Shown> shown(List<RuleSetProblem> problems) {
        return problems.stream().map(this::shown).toList();
    }

    Shown shown(RuleSetProblem problem) {
        Optional<TableLayout> layout = layout(problem.file());
        String place = layout.flatMap(l -> tablePlace(l, problem.where())).orElse(null);
        if (place == null && problem.where() != null) {
            place = problem.file() + ", " + problem.where();
        }
        return new Shown(problem.file(), place, sentence(problem.message()));
    }

    private Optional<String> tablePlace(TableLayout layout, String where) {
        if (where == null) {
            return Optional.empty();
        }
        Matcher row = ROW.matcher(where);
        if (row.matches()) {
            int number = Integer.parseInt(row.group(2));
            for (TableLayout.Table table : layout.tables()) {
                List<TableLayout.Row> rows = table.ruleRows();
                for (int i = 0; i < rows.size(); i++) {
                    TableLayout.Row r = rows.get(i);
                    if (r.number() == number && (row.group(1) == null || row.group(1).equals(r.sheetName()))) {
                        return Optional.of(name(table) + ", row " + (i + 1) + column(row.group(3))
                                + " (spreadsheet row " + number + ")");
                    }
                }
                if (number >= table.nameRow().number() && number < table.nameRow().number() + 5) {
                    return Optional.of(name(table) + ", its heading rows (spreadsheet row " + number + ")" + column(row.group(3)));
                }
            }
            return Optional.empty();
        }
        Matcher rule = RULE.matcher(where);
        if (rule.matches()) {
            for (TableLayout.Table table : layout.tables()) {
                List<TableLayout.Row> rows = table.ruleRows();
                for (int i = 0; i < rows.size(); i++) {
                    if (rows.get(i).cells().stream().anyMatch(c -> c.strip().equals(rule.group(1)))) {
                        return Optional.of(name(table) + ", row " + (i + 1) + " (\"" + rule.group(1) + "\")");
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** "RuleTable F1 Debt service cover" is shown as "Table F1 Debt service cover". */
    private static String name(TableLayout.Table table) {
        String name = table.name().strip();
        return "Table " + (name.toLowerCase(Locale.ROOT).startsWith("ruletable") ? name.substring("ruletable".length()).strip() : name);
    }

    private static String column(String column) {
        if (column == null || column.isBlank()) {
            return "";
        }
        return ", " + (column.startsWith("column ") ? column : "column " + column);
    }

    /**
     * The Java compiler's words for a cell's value, said as a policy owner would: it speaks of the
     * code generated from the table, which no one wrote.
     */
    private static final Map<Pattern, String> COMPILER_WORDS = Map.of(
            Pattern.compile("^The literal (\\S+) of type int is out of range.*", Pattern.DOTALL),
            "$1 is too large: this column takes whole numbers up to 2,147,483,647",
            Pattern.compile("^The literal (\\S+) of type long is out of range.*", Pattern.DOTALL),
            "$1 is too large a number for this column",
            Pattern.compile("^Type mismatch: cannot convert from (\\S+) to (\\S+).*", Pattern.DOTALL),
            "the value is a $1 where this column needs a $2");

    /** A message starts with a capital and ends with a full stop, as a sentence on a page does. */
    private static String sentence(String message) {
        if (message == null || message.isBlank()) {
            return "Something is wrong here.";
        }
        String text = message.strip();
        for (Map.Entry<Pattern, String> words : COMPILER_WORDS.entrySet()) {
            Matcher matcher = words.getKey().matcher(text);
            if (matcher.matches()) {
                text = matcher.replaceFirst(words.getValue());
                break;
            }
        }
        text = Character.toUpperCase(text.charAt(0)) + text.substring(1);
        return text.endsWith(".") || text.endsWith("…") || text.endsWith("?") ? text : text + ".";
    }

    private Optional<TableLayout> layout(String fileName) {
        return layouts.computeIfAbsent(fileName, name -> files.stream()
                .filter(f -> f.name().equals(name) && (f.kind() == RuleSetFile.Kind.DECISION_TABLE_CSV
                        || f.kind() == RuleSetFile.Kind.DECISION_TABLE_XLSX))
                .findFirst().flatMap(f -> {
                    try {
                        return Optional.of(TableLayout.read(f));
                    } catch (TableLayout.Unreadable e) {
                        return Optional.empty();
                    }
                }));
    }
}
