package org.blended.service.ruleset;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.blended.service.assessment.CompiledRuleSet;
import org.drools.compiler.kie.builder.impl.DrlProject;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieContainer;
import org.springframework.stereotype.Component;

/**
 * Compiles a rule set's DRL files and decision tables into a rule base in memory. Problems are
 * reported per file, with the line of a DRL file or the row of a decision table (found by the rule
 * name the table gives each row).
 */
@Component
public class RuleSetCompiler {

    /**
     * The rule base's structure, not policy: the session names the service and the Test Scenarios
     * use. Kept here rather than in an uploaded bundle so that no upload can change them.
     */
    static final String KMODULE = """
            <kmodule xmlns="http://www.drools.org/xsd/kmodule">
              <kbase name="blended" default="true">
                <ksession name="assessment" type="stateful" default="true"/>
                <ksession name="assessment-stateless" type="stateless" default="true"/>
              </kbase>
            </kmodule>
            """;
    private static final String RESOURCES = "src/main/resources/";
    private static final Pattern RULE_NAME = Pattern.compile("[Rr]ule(?: name)?[=: ]+['\"]([^'\"]+)['\"]");
    private static final Pattern EXPRESSION = Pattern.compile("Expression (.+?):");
    private static final Pattern GENERATED_ROW = Pattern.compile("rule values at [A-Z]+(\\d+)");
    private static final AtomicLong BUILDS = new AtomicLong();

    /** A compiled rule set, or the problems that stopped it; the container also runs the Test Scenarios. */
    public record Build(List<RuleSetProblem> problems, KieContainer container, CompiledRuleSet compiled, long millis) {
        public boolean succeeded() {
            return problems.isEmpty();
        }
    }

    public Build build(int version, String label, List<RuleSetFile> files) {
        long started = System.nanoTime();
        KieServices kie = KieServices.get();
        // A new release id per build: the repository keeps modules by id, so drafts never collide.
        ReleaseId releaseId = kie.newReleaseId("org.blended.rulesets", "rule-set-" + version, "1." + BUILDS.incrementAndGet());
        KieFileSystem kfs = kie.newKieFileSystem();
        kfs.generateAndWritePomXML(releaseId);
        kfs.writeKModuleXML(KMODULE);
        for (RuleSetFile file : files) {
            if (file.isRules()) {
                kfs.write(RESOURCES + file.path(), file.content());
            }
        }
        KieBuilder builder = kie.newKieBuilder(kfs, getClass().getClassLoader());
        builder.buildAll(DrlProject.class); // DRL compiled in memory: no Java compile of an executable model
        List<RuleSetProblem> problems = new ArrayList<>();
        for (Message message : builder.getResults().getMessages(Message.Level.ERROR)) {
            problems.add(problem(message, files));
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (!problems.isEmpty()) {
            kie.getRepository().removeKieModule(releaseId);
            return new Build(List.copyOf(problems), null, null, millis);
        }
        KieContainer container = kie.newKieContainer(releaseId, getClass().getClassLoader());
        kie.getRepository().removeKieModule(releaseId); // the container keeps what it needs
        CompiledRuleSet compiled = new CompiledRuleSet(version, label, container.getKieBase("blended"));
        return new Build(List.of(), container, compiled, (System.nanoTime() - started) / 1_000_000);
    }

    private static RuleSetProblem problem(Message message, List<RuleSetFile> files) {
        String path = message.getPath() == null ? null : message.getPath().replaceFirst("^" + RESOURCES, "");
        RuleSetFile file = files.stream().filter(f -> f.path().equals(path)).findFirst().orElse(null);
        String name = file == null ? (path == null ? "the rule set" : path) : file.name();
        String text = message.getText() == null ? "" : message.getText().strip();
        String where = null;
        if (file != null && file.kind() == RuleSetFile.Kind.DRL && message.getLine() > 0) {
            where = "line " + message.getLine();
        } else if (file != null && file.kind() != RuleSetFile.Kind.DRL) {
            where = tableRow(file, message.getLine(), text);
        }
        return new RuleSetProblem(name, where, plain(text));
    }

    /**
     * The table row a problem is in, as the row number a spreadsheet shows. Drools reports the line
     * (or the expression) of the rules it generated from the table, and marks each generated rule
     * with the cell of its row.
     */
    private static String tableRow(RuleSetFile table, int line, String text) {
        try {
            InputType type = table.kind() == RuleSetFile.Kind.DECISION_TABLE_CSV ? InputType.CSV : InputType.XLS;
            String[] generated = new SpreadsheetCompiler().compile(new ByteArrayInputStream(table.content()), type)
                    .split("\\r?\\n");
            int at = line > 0 ? line - 1 : -1;
            Matcher expression = EXPRESSION.matcher(text);
            if (at < 0 && expression.find()) {
                String wanted = expression.group(1).strip();
                for (int j = 0; j < generated.length && at < 0; j++) {
                    if (generated[j].contains(wanted)) {
                        at = j;
                    }
                }
            }
            for (int i = Math.min(at, generated.length - 1); i >= 0; i--) {
                Matcher cell = GENERATED_ROW.matcher(generated[i]);
                if (cell.find()) {
                    return "row " + cell.group(1);
                }
            }
        } catch (RuntimeException unreadable) {
            // fall back on the rule name below
        }
        Matcher rule = RULE_NAME.matcher(text);
        return rule.find() ? "rule \"" + rule.group(1) + "\"" : null;
    }

    /** Drools' messages end with compiler internals a policy owner cannot use; the first lines carry the point. */
    private static String plain(String text) {
        String[] lines = text.split("\r?\n");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.length && i < 4; i++) {
            if (!lines[i].isBlank()) {
                out.append(out.isEmpty() ? "" : " ").append(lines[i].strip());
            }
        }
        return out.length() > 600 ? out.substring(0, 600) + "…" : out.toString();
    }
}
