package org.blended.service.ruleset.source;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.FunctionDescr;
import org.drools.drl.ast.descr.GlobalDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.ast.descr.TypeDeclarationDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;
import org.kie.internal.builder.conf.LanguageLevelOption;

/**
 * Where each rule and function of a rule set was written: a DRL file's line, or a decision table's
 * row (found through the marker Drools writes into the DRL it generates for each table row). Read
 * with Drools' own parser, the one the compiler uses, so a name here is the name that compiles.
 */
public final class RuleSources {

    /** A place in a rule set's files. */
    public record Place(String file, String where) {
    }

    /** What the structure of one file says, before any compile. */
    record Parsed(RuleSetFile file, PackageDescr descr, String[] drlLines) {
    }

    private static final Pattern GENERATED_ROW = Pattern.compile("rule values at [A-Z]+(\\d+)");

    private final Map<String, Place> rules = new HashMap<>();
    private final Map<String, Place> functions = new HashMap<>();
    private final Map<String, Place> types = new HashMap<>();
    private final List<Parsed> parsed = new ArrayList<>();
    private final List<RuleSetProblem> unreadable = new ArrayList<>();
    /** The DRL each table generates, by path, parsed or not: a compile error names its lines. */
    private final Map<String, String[]> generated = new HashMap<>();

    public static RuleSources of(List<RuleSetFile> files) {
        RuleSources sources = new RuleSources();
        for (RuleSetFile file : files) {
            if (file.isRules()) {
                sources.read(file);
            }
        }
        return sources;
    }

    private void read(RuleSetFile file) {
        String drl;
        try {
            drl = switch (file.kind()) {
                case DRL -> file.text();
                case DECISION_TABLE_CSV -> new SpreadsheetCompiler().compile(new ByteArrayInputStream(file.content()), InputType.CSV);
                default -> new SpreadsheetCompiler().compile(new ByteArrayInputStream(file.content()), InputType.XLS);
            };
        } catch (RuntimeException e) {
            unreadable.add(new RuleSetProblem(file.name(), null, "could not be read as a decision table: " + inWords(e)));
            return;
        }
        String[] lines = drl.split("\\r?\\n", -1);
        if (file.kind() != RuleSetFile.Kind.DRL) {
            generated.put(file.path(), lines);
        }
        DrlParser parser = new DrlParser(LanguageLevelOption.DRL6);
        PackageDescr descr;
        try {
            descr = parser.parse(false, drl);
        } catch (DroolsParserException e) {
            descr = null;
        }
        if (descr == null) {
            return; // the compiler reports what does not parse, with its line
        }
        parsed.add(new Parsed(file, descr, lines));
        for (RuleDescr rule : descr.getRules()) {
            rules.putIfAbsent(rule.getName(), new Place(file.name(), where(file, lines, rule.getLine())));
        }
        for (TypeDeclarationDescr type : descr.getTypeDeclarations()) {
            types.putIfAbsent(type.getTypeName(), new Place(file.name(), where(file, lines, type.getLine())));
        }
        for (FunctionDescr function : descr.getFunctions()) {
            functions.putIfAbsent(function.getName(), new Place(file.name(), where(file, lines, function.getLine())));
        }
    }

    /**
     * The row of a table that a line of its generated DRL (1-based) stands in, or failing a line,
     * the first generated line that holds the expression; null when neither is found.
     */
    public String tableRow(RuleSetFile table, int line, String expression) {
        String[] lines = generated.get(table.path());
        if (lines == null) {
            return null;
        }
        int at = line;
        for (int i = 0; at <= 0 && expression != null && i < lines.length; i++) {
            if (lines[i].contains(expression)) {
                at = i + 1;
            }
        }
        return at > 0 ? where(table, lines, at) : null;
    }

    /** A DRL file's line as it is; a table's row, from the marker before the rule it generated. */
    private static String where(RuleSetFile file, String[] lines, int line) {
        if (file.kind() == RuleSetFile.Kind.DRL) {
            return line > 0 ? "line " + line : null;
        }
        for (int i = Math.min(line - 1, lines.length - 1); i >= 0; i--) {
            Matcher cell = GENERATED_ROW.matcher(lines[i]);
            if (cell.find()) {
                return "row " + cell.group(1);
            }
        }
        return null;
    }

    /**
     * What rule files may not say whatever they compile to: globals (the service passes none), the
     * MVEL dialect (its code is interpreted, not compiled to classes that can be checked), and a
     * package outside org.blended.rules.
     */
    public List<RuleSetProblem> structureProblems() {
        List<RuleSetProblem> problems = new ArrayList<>(unreadable);
        for (Parsed file : parsed) {
            PackageDescr descr = file.descr();
            String name = descr.getName() == null ? "" : descr.getName();
            if (!name.equals("org.blended.rules") && !name.startsWith("org.blended.rules.")) {
                problems.add(new RuleSetProblem(file.file().name(), where(file.file(), file.drlLines(), 1),
                        "is in the package " + (name.isEmpty() ? "(none)" : name)
                                + "; rule sets must use packages under org.blended.rules"));
            }
            for (GlobalDescr global : descr.getGlobals()) {
                problems.add(new RuleSetProblem(file.file().name(), where(file.file(), file.drlLines(), global.getLine()),
                        "declares the global " + global.getIdentifier()
                                + "; rule sets may not use globals (the service passes none)"));
            }
            if (isMvel(descr.getAttribute("dialect"))) {
                problems.add(new RuleSetProblem(file.file().name(), null,
                        "uses the MVEL dialect; rule sets are written in Java (dialect \"java\")"));
            }
            for (RuleDescr rule : descr.getRules()) {
                if (isMvel(rule.getAttributes().get("dialect"))) {
                    problems.add(new RuleSetProblem(file.file().name(), where(file.file(), file.drlLines(), rule.getLine()),
                            "rule \"" + rule.getName() + "\" uses the MVEL dialect; rule sets are written in Java (dialect \"java\")"));
                }
            }
        }
        return problems;
    }

    private static boolean isMvel(AttributeDescr dialect) {
        return dialect != null && dialect.getValue() != null && dialect.getValue().strip().equalsIgnoreCase("mvel");
    }

    public Place rule(String name) {
        return rules.get(name);
    }

    public Place function(String name) {
        return functions.get(name);
    }

    /**
     * The one place in the rule files whose line holds this word (a literal or a name a compiler
     * message quotes), or null when none or several do: how a problem the compiler finds in the
     * Java generated from the rules is traced back to the line or row a person wrote.
     */
    public Place onlyPlaceOf(String word) {
        Pattern whole = Pattern.compile("(?<![\\w$.])" + Pattern.quote(word) + "(?![\\w$])");
        Place found = null;
        for (Parsed file : parsed) {
            String[] lines = file.drlLines();
            for (int i = 0; i < lines.length; i++) {
                if (whole.matcher(lines[i]).find()) {
                    if (found != null) {
                        return null;
                    }
                    found = new Place(file.file().name(), where(file.file(), lines, i + 1));
                }
            }
        }
        return found;
    }

    /** A type the rule set declares ({@code declare Name ... end}). */
    public Place type(String name) {
        return types.get(name);
    }

    private static String inWords(Exception e) {
        String message = e.getMessage() == null ? "unreadable" : e.getMessage();
        Throwable cause = e.getCause();
        return cause != null && cause.getMessage() != null && !message.contains(cause.getMessage())
                ? message + " (" + cause.getMessage() + ")"
                : message;
    }
}
