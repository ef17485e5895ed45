package org.blended.service.ruleset.editor;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.blended.service.ruleset.editor.TableDocument.BusinessColumn;
import org.blended.service.ruleset.editor.TableDocument.EditedRow;
import org.blended.service.ruleset.editor.TableDocument.Section;
import org.drools.decisiontable.parser.ActionType;

/**
 * The bands of a band table, one column per bound (a CONDITION whose code is {@code field >= $param},
 * {@code > $param}, {@code < $param} or {@code <= $param}; an empty cell is no bound): within each
 * group of rows that agree on the table's other conditions, every value of the field must fall in
 * exactly one row, and each row's lower bound must lie below its upper one. The ends are open: values
 * below the lowest band or above the highest may be left to no row. A row with neither bound applies
 * to every value and is left out.
 */
final class BandCheck {

    /** A condition that only binds a name ("$code : String.valueOf(...)") constrains nothing, so it makes no group. */
    private static final Pattern BINDING = Pattern.compile("^\\s*\\$\\w+\\s*:");
    private static final Pattern BOUND = Pattern.compile(
            "^\\s*(?:[\\w.]+\\s*!=\\s*null\\s*,\\s*)?([A-Za-z_][\\w.]*)\\s*(>=|>|<=|<)\\s*\\$param\\s*$");

    private BandCheck() {
    }

    /** A bound column: the field it bounds, whether it is a lower bound, whether the bound value itself is in. */
    private record BoundColumn(int position, BusinessColumn column, String field, boolean lower, boolean inclusive) {
    }

    /** One end of a row's band; {@code value} null for an open end. */
    private record End(BigDecimal value, boolean inclusive, String text, int position) {
    }

    private record Band(int row, End from, End to) {
    }

    static List<CellProblem> check(Section section, List<EditedRow> rows) {
        List<BoundColumn> bounds = new ArrayList<>();
        List<BusinessColumn> columns = section.columns();
        for (int c = 0; c < columns.size(); c++) {
            BusinessColumn column = columns.get(c);
            if (column.column().code() != ActionType.Code.CONDITION) {
                continue;
            }
            Matcher m = BOUND.matcher(column.column().template());
            if (m.matches()) {
                String op = m.group(2);
                bounds.add(new BoundColumn(c, column, m.group(1), op.startsWith(">"), op.endsWith("=")));
            }
        }
        Map<String, List<BoundColumn>> byField = bounds.stream()
                .collect(Collectors.groupingBy(BoundColumn::field, LinkedHashMap::new, Collectors.toList()));
        List<CellProblem> problems = new ArrayList<>();
        byField.forEach((field, fieldBounds) -> {
            if (fieldBounds.stream().anyMatch(BoundColumn::lower) && fieldBounds.stream().anyMatch(b -> !b.lower())) {
                problems.addAll(field(section, rows, fieldBounds));
            }
        });
        return problems;
    }

    private static List<CellProblem> field(Section section, List<EditedRow> rows, List<BoundColumn> bounds) {
        List<Integer> others = new ArrayList<>(); // the other conditions, whose values make the groups
        for (int c = 0; c < section.columns().size(); c++) {
            int position = c;
            var column = section.columns().get(c).column();
            if (column.code() == ActionType.Code.CONDITION && !BINDING.matcher(column.template()).find()
                    && bounds.stream().noneMatch(b -> b.position() == position)) {
                others.add(c);
            }
        }
        Map<List<String>, List<Band>> groups = new LinkedHashMap<>();
        List<CellProblem> problems = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            EditedRow row = rows.get(r);
            End from = end(row, bounds, true);
            End to = end(row, bounds, false);
            if (from == null || to == null) {
                continue; // a bound that is not a number: the cell check says so
            }
            if (from.value() == null && to.value() == null) {
                continue;
            }
            if (from.value() != null && to.value() != null) {
                int order = from.value().compareTo(to.value());
                if (order > 0 || order == 0 && !(from.inclusive() && to.inclusive())) {
                    problems.add(problem(section, r, from, section.rowName(row, r) + ": the band starts at " + from.text()
                            + " (“" + section.columns().get(from.position()).label() + "”) but ends at " + to.text()
                            + " (“" + section.columns().get(to.position()).label() + "”): the start must be below the end."));
                    continue;
                }
            }
            groups.computeIfAbsent(others.stream().map(c -> row.values().get(c)).toList(), k -> new ArrayList<>())
                    .add(new Band(r, from, to));
        }
        groups.forEach((key, bands) -> problems.addAll(sweep(section, rows, others, key, bands)));
        return problems;
    }

    /** Bands in order of their start; each must begin where the furthest reach so far ends. */
    private static List<CellProblem> sweep(Section section, List<EditedRow> rows, List<Integer> others,
                                           List<String> key, List<Band> bands) {
        List<CellProblem> problems = new ArrayList<>();
        List<Band> sorted = new ArrayList<>(bands);
        sorted.sort(Comparator.comparing(Band::from, BandCheck::compareStarts));
        String group = group(section, others, key);
        Band reacher = sorted.get(0);
        for (Band band : sorted.subList(1, sorted.size())) {
            End reach = reacher.to();
            End start = band.from();
            String earlier = section.rowName(rows.get(reacher.row()), reacher.row());
            String later = section.rowName(rows.get(band.row()), band.row());
            if (reach.value() == null || start.value() == null) {
                problems.add(problem(section, band.row(), start.value() == null ? band.to() : start, "Overlap" + group + ": "
                        + earlier + " and " + later + " both cover values "
                        + (start.value() == null ? "below " + band.to().text() : "from " + start.text()) + "."));
            } else {
                int order = reach.value().compareTo(start.value());
                if (order < 0) {
                    problems.add(problem(section, band.row(), start, "Gap" + group + ": no row covers values between "
                            + reach.text() + " and " + start.text() + " (" + earlier + " ends at " + reach.text() + ", "
                            + later + " starts at " + start.text() + ")."));
                } else if (order > 0 || reach.inclusive() && start.inclusive()) {
                    End until = compareEnds(band.to(), reach) < 0 ? band.to() : reach;
                    problems.add(problem(section, band.row(), start, "Overlap" + group + ": " + earlier + " and " + later
                            + " both cover " + (order == 0 ? "the value " + start.text() : "values from " + start.text()
                            + " to " + until.text()) + "."));
                } else if (!reach.inclusive() && !start.inclusive()) {
                    problems.add(problem(section, band.row(), start, "Gap" + group + ": no row covers the value " + start.text()
                            + " itself (" + earlier + " stops below it, " + later + " starts above it)."));
                }
            }
            if (compareEnds(band.to(), reacher.to()) > 0) {
                reacher = band;
            }
        }
        return problems;
    }

    /** A row's lower (or upper) bound, open when its cells are empty; null when a cell is not a number. */
    private static End end(EditedRow row, List<BoundColumn> bounds, boolean lower) {
        for (BoundColumn bound : bounds) {
            if (bound.lower() != lower) {
                continue;
            }
            String text = row.values().get(bound.position());
            if (text.isEmpty()) {
                continue;
            }
            try {
                return new End(new BigDecimal(text), bound.inclusive(), text, bound.position());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        int first = bounds.stream().filter(b -> b.lower() == lower).findFirst().orElseThrow().position();
        return new End(null, true, "", first);
    }

    /** Open starts first; at the same value an inclusive start (>=) begins before an exclusive one (>). */
    private static int compareStarts(End a, End b) {
        if (a.value() == null || b.value() == null) {
            return a.value() == null ? (b.value() == null ? 0 : -1) : 1;
        }
        int order = a.value().compareTo(b.value());
        return order != 0 ? order : Boolean.compare(b.inclusive(), a.inclusive());
    }

    /** Open ends last; at the same value an inclusive end (<=) reaches further than an exclusive one (<). */
    private static int compareEnds(End a, End b) {
        if (a.value() == null || b.value() == null) {
            return a.value() == null ? (b.value() == null ? 0 : 1) : -1;
        }
        int order = a.value().compareTo(b.value());
        return order != 0 ? order : Boolean.compare(a.inclusive(), b.inclusive());
    }

    private static String group(Section section, List<Integer> others, List<String> key) {
        List<String> named = new ArrayList<>();
        for (int i = 0; i < others.size(); i++) {
            if (!key.get(i).isEmpty()) {
                named.add(section.columns().get(others.get(i)).label() + " " + key.get(i));
            }
        }
        return named.isEmpty() ? "" : " among the rows with " + String.join(", ", named);
    }

    private static CellProblem problem(Section section, int row, End end, String message) {
        return new CellProblem(section.index(), row, section.columns().get(end.position()).index(), message);
    }
}
