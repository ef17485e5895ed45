package org.blended.service.ruleset;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.blended.service.ruleset.RuleCodeCheck.Offence;
import org.blended.service.ruleset.RuleCodeCheck.Result;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.drools.drl.ast.descr.GlobalDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DroolsParserException;
import org.drools.drl.parser.DrlParser;
import org.kie.internal.builder.conf.LanguageLevelOption;
import org.springframework.stereotype.Component;

/**
 * Rule content that policy owners upload runs inside the service, so before anything of a rule set is
 * compiled it is read for code that could reach beyond the fact model: processes, files, the network,
 * reflection, the rule engine itself. DRL files are read as they are; decision tables are first turned
 * into DRL by Drools itself, so that what is checked is what would be compiled, parameters included.
 */
@Component
public class RuleContentGuard {

    /** Every problem found in the rule and scenario files of a rule set; none means that they may be compiled and run. */
    public List<RuleSetProblem> check(List<RuleSetFile> files) {
        Set<RuleSetProblem> problems = new LinkedHashSet<>(); // each offence once per place
        for (RuleSetFile file : files) {
            switch (file.kind()) {
                case DRL -> checkDrl(file, problems);
                case DECISION_TABLE_CSV -> checkDecisionTable(file, InputType.CSV, problems);
                case DECISION_TABLE_XLSX -> checkDecisionTable(file, InputType.XLS, problems);
                case TEST_SCENARIO -> problems.addAll(ScenarioContentCheck.check(file));
                default -> {
                    // other files are never compiled or run
                }
            }
        }
        return List.copyOf(problems);
    }

    private void checkDrl(RuleSetFile file, Set<RuleSetProblem> problems) {
        for (Offence offence : read(file.text()).offences()) {
            problems.add(new RuleSetProblem(file.name(), offence.line() > 0 ? "line " + offence.line() : null, offence.message()));
        }
    }

    private void checkDecisionTable(RuleSetFile file, InputType type, Set<RuleSetProblem> problems) {
        String drl;
        DecisionTableRows rows;
        try {
            drl = new SpreadsheetCompiler().compile(new ByteArrayInputStream(file.content()), type);
            rows = type == InputType.CSV ? DecisionTableRows.csv(file.text()) : DecisionTableRows.xlsx(file.content());
        } catch (Exception e) {
            problems.add(new RuleSetProblem(file.name(), null, "could not be read as a decision table: " + inWords(e)));
            return;
        }
        Result read = read(drl);
        for (Offence offence : read.offences()) {
            String where = rows.locate(offence.subject(), read.ruleAt(offence.line()));
            problems.add(new RuleSetProblem(file.name(), where, offence.message()));
        }
    }

    /** The offences of a DRL text: what its code uses, plus what Drools' parser makes of its structure. */
    private static Result read(String drl) {
        Result code = RuleCodeCheck.check(drl);
        List<Offence> offences = new ArrayList<>(structure(drl));
        offences.addAll(code.offences());
        offences.sort(Comparator.comparingInt(Offence::line)); // in the order a reader meets them
        return new Result(offences, code.rules());
    }

    private static List<Offence> structure(String drl) {
        List<Offence> offences = new ArrayList<>();
        DrlParser parser = new DrlParser(LanguageLevelOption.DRL6);
        PackageDescr descr;
        try {
            descr = parser.parse(false, drl);
        } catch (DroolsParserException e) {
            descr = null;
        }
        for (DroolsError error : parser.getErrors()) {
            int line = error.getLines() != null && error.getLines().length > 0 ? error.getLines()[0] : 0;
            // "[ERR 102] Line 5:4 mismatched input ..." says the line twice
            String message = String.valueOf(error.getMessage()).replaceFirst("^\\[ERR \\d+\\] Line \\d+:-?\\d+ ", "");
            offences.add(new Offence(line, null, "is not valid DRL: " + message));
        }
        if (descr != null) {
            for (GlobalDescr global : descr.getGlobals()) {
                offences.add(new Offence(global.getLine(), global.getIdentifier(), "declares the global "
                        + global.getIdentifier() + "; rule sets may not use globals (the service passes none)"));
            }
        }
        return offences;
    }

    private static String inWords(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        Throwable cause = e.getCause();
        return cause != null && cause.getMessage() != null && !message.contains(cause.getMessage())
                ? message + " (" + cause.getMessage() + ")"
                : message;
    }
}
