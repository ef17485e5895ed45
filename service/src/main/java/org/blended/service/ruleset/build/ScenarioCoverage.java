package org.blended.service.ruleset.build;

import org.blended.service.ruleset.source.RuleSetFile;
import org.blended.service.ruleset.source.RuleSources;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.drools.scenariosimulation.backend.fluent.RuleScenarioExecutableBuilder;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/**
 * Which rules and decision-table rows no Test Scenario made fire. Each row of a decision table
 * compiles to one rule named in the table, so a table's rows are the rules placed in it; the rules
 * are every rule of the compiled rule base. Percentages are of the whole, rounded down to one decimal
 * so that 89.99 % never reads as 90.
 */
public record ScenarioCoverage(int rows, int rowsExercised, double rowsPercent, int rules, int rulesExercised,
                               double rulesPercent, List<Unexercised> unexercisedRows, List<Unexercised> unexercisedRules) {

    /** A rule no scenario made fire: the file it is written in, its row or line, and its name. */
    public record Unexercised(String file, String where, String rule) {
        @Override
        public String toString() {
            return file + (where == null ? "" : " " + where) + " (" + rule + ")";
        }
    }

    public ScenarioCoverage {
        unexercisedRows = List.copyOf(unexercisedRows);
        unexercisedRules = List.copyOf(unexercisedRules);
    }

    /**
     * @param executed the rules that fired, as the scenario runner names them
     *                 ({@link RuleScenarioExecutableBuilder#prettyFullyQualifiedName})
     */
    static ScenarioCoverage of(KieBase kieBase, List<RuleSetFile> files, Set<String> executed) {
        RuleSources sources = RuleSources.of(files);
        Map<String, RuleSetFile> byName = files.stream().collect(Collectors.toMap(RuleSetFile::name, Function.identity(), (a, b) -> a));
        int rows = 0;
        int rowsExercised = 0;
        int rules = 0;
        int rulesExercised = 0;
        List<Unexercised> unexercisedRows = new ArrayList<>();
        List<Unexercised> unexercisedRules = new ArrayList<>();
        for (KiePackage kiePackage : kieBase.getKiePackages()) {
            for (Rule rule : kiePackage.getRules()) {
                boolean fired = executed.contains(RuleScenarioExecutableBuilder.prettyFullyQualifiedName(rule));
                RuleSources.Place place = sources.rule(rule.getName());
                RuleSetFile file = place == null ? null : byName.get(place.file());
                boolean row = file != null && (file.kind() == RuleSetFile.Kind.DECISION_TABLE_CSV
                        || file.kind() == RuleSetFile.Kind.DECISION_TABLE_XLSX);
                rules++;
                rulesExercised += fired ? 1 : 0;
                if (row) {
                    rows++;
                    rowsExercised += fired ? 1 : 0;
                }
                if (!fired) {
                    Unexercised missed = new Unexercised(place == null ? rule.getPackageName() : place.file(),
                            place == null ? null : place.where(), rule.getName());
                    (row ? unexercisedRows : unexercisedRules).add(missed);
                }
            }
        }
        Comparator<Unexercised> order = Comparator.comparing(Unexercised::file)
                .thenComparing(u -> u.where() == null ? 0 : number(u.where())).thenComparing(Unexercised::rule);
        unexercisedRows.sort(order);
        unexercisedRules.sort(order);
        return new ScenarioCoverage(rows, rowsExercised, percent(rowsExercised, rows), rules, rulesExercised,
                percent(rulesExercised, rules), unexercisedRows, unexercisedRules);
    }

    private static int number(String where) {
        String digits = where.replaceAll("\\D", "");
        return digits.isEmpty() ? 0 : Integer.parseInt(digits);
    }

    private static double percent(int part, int whole) {
        return whole == 0 ? 100.0 : Math.floor(part * 1000.0 / whole) / 10.0;
    }

    /** The first few unexercised rows, for a message. */
    public String firstRows(int few) {
        String listed = unexercisedRows.stream().limit(few).map(Unexercised::toString).collect(Collectors.joining("; "));
        return unexercisedRows.size() > few ? listed + "; and " + (unexercisedRows.size() - few) + " more" : listed;
    }
}
