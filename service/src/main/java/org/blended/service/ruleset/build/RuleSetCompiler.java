package org.blended.service.ruleset.build;

import org.blended.service.ruleset.guard.CompiledCodeCheck;
import org.blended.service.ruleset.guard.RuleContentGuard;
import org.blended.service.ruleset.source.RuleSetContent;
import org.blended.service.ruleset.source.RuleSetFile;
import org.blended.service.ruleset.source.RuleSetProblem;
import org.blended.service.ruleset.source.RuleSources;
import org.blended.service.ruleset.source.ShippedRuleSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.blended.service.assessment.CompiledRuleSet;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.compiler.kie.builder.impl.KieContainerImpl;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieContainer;
import org.springframework.stereotype.Component;

/**
 * The one way to a compiled rule set. Validation, what-if, publishing, replay and start-up all come
 * here, and nothing else builds a rule base from stored content: the files are checked for what no
 * compile can make safe (globals, the MVEL dialect, packages outside the rule base, scenario
 * expressions), compiled to the executable model (the same compiler as the shipped kjar, which
 * works on a JRE too), and the classes that come out are read by {@link CompiledCodeCheck} before
 * any of them is loaded. Problems name the file, and the DRL line or the table row.
 */
@Component
public class RuleSetCompiler {

    /**
     * The rule base's structure, not policy: the session names the service and the Test Scenarios
     * use, each stopped past the firing limit. Kept here rather than in an uploaded bundle so that
     * no upload can change them.
     */
    static final String KMODULE = """
            <kmodule xmlns="http://www.drools.org/xsd/kmodule">
              <kbase name="blended" default="true">
                <ksession name="assessment" type="stateful" default="true">
                  <listeners><agendaEventListener type="%1$s"/></listeners>
                </ksession>
                <ksession name="assessment-stateless" type="stateless" default="true">
                  <listeners><agendaEventListener type="%1$s"/></listeners>
                </ksession>
              </kbase>
            </kmodule>
            """.formatted(ScenarioFiringLimit.class.getName()); // named by its class, so a move cannot break it
    static final String CONTENT_CHECK = "the content check (nothing was compiled)";
    static final String COMPILING = "compiling";
    static final String CODE_CHECK = "the check of the compiled code (nothing was run)";
    private static final String KIE_BASE = "blended";
    private static final String RESOURCES = "src/main/resources/";
    private static final Pattern RULE_NAME = Pattern.compile("[Rr]ule(?: name)?[=: ]+['\"]([^'\"]+)['\"]");
    private static final Pattern EXPRESSION = Pattern.compile("Expression (.+?):");
    private static final Pattern WORD = Pattern.compile("[A-Za-z_$][\\w$]{2,}|\\d[\\d.]*");
    private static final AtomicLong BUILDS = new AtomicLong();
    private static final Object ONE_AT_A_TIME = new Object();

    /** A compiled rule set, or the problems that stopped it and at which stage; the container also runs the Test Scenarios. */
    public record Build(List<RuleSetProblem> problems, String stage, KieContainer container, CompiledRuleSet compiled,
                        long millis) {
        public boolean succeeded() {
            return problems.isEmpty();
        }
    }

    private final RuleContentGuard guard;
    private final ShippedRuleSet shipped;
    private volatile List<RuleSetProblem> shippedCodeProblems;

    public RuleSetCompiler(RuleContentGuard guard, ShippedRuleSet shipped) {
        this.guard = guard;
        this.shipped = shipped;
    }

    /** Checks, compiles and checks what compiled; the shipped content runs on the prebuilt kjar, read the same way. */
    public Build build(int version, String label, List<RuleSetFile> files) {
        long started = System.nanoTime();
        List<RuleSetProblem> refused = guard.check(files);
        if (!refused.isEmpty()) {
            return new Build(refused, CONTENT_CHECK, null, null, millisSince(started));
        }
        if (RuleSetContent.hash(files).equals(shipped.contentHash())) {
            return shippedBuild(version, label, files, started);
        }
        // One compile at a time in the JVM: two executable-model builds side by side (a validation
        // while the instance follows a publish) mixed their packages, and a draft raising a threshold
        // passed every Test Scenario with another build's table (ConcurrentCompilesTest).
        synchronized (ONE_AT_A_TIME) {
            return compile(version, label, files, started);
        }
    }

    private Build compile(int version, String label, List<RuleSetFile> files, long started) {
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
        try {
            builder.buildAll(ExecutableModelProject.class);
            List<RuleSetProblem> problems = new ArrayList<>();
            RuleSources sources = null;
            for (Message message : builder.getResults().getMessages(Message.Level.ERROR)) {
                if (!String.valueOf(message.getText()).startsWith("Java source of")) { // repeats the generated source whole
                    sources = sources == null ? RuleSources.of(files) : sources;
                    problems.add(problem(message, files, sources));
                }
            }
            if (!problems.isEmpty()) {
                return new Build(List.copyOf(problems), COMPILING, null, null, millisSince(started));
            }
            List<RuleSetProblem> offences = codeProblems((InternalKieModule) builder.getKieModule(), files, false);
            if (!offences.isEmpty()) {
                return new Build(offences, CODE_CHECK, null, null, millisSince(started));
            }
            KieContainer container = kie.newKieContainer(releaseId, getClass().getClassLoader());
            KieBase kieBase = container.getKieBase(KIE_BASE);
            List<RuleSetProblem> unphased = RulePhases.unphased(kieBase, files);
            if (!unphased.isEmpty()) {
                container.dispose();
                return new Build(unphased, RulePhases.STAGE, null, null, millisSince(started));
            }
            CompiledRuleSet compiled = new CompiledRuleSet(version, label, kieBase);
            return new Build(List.of(), null, container, compiled, millisSince(started));
        } finally {
            kie.getRepository().removeKieModule(releaseId); // a container keeps what it needs
        }
    }

    private Build shippedBuild(int version, String label, List<RuleSetFile> files, long started) {
        KieContainer container = shipped.container();
        List<RuleSetProblem> offences = shippedCodeProblems;
        if (offences == null) {
            // the kjar never changes while the service runs: read once
            offences = codeProblems((InternalKieModule) ((KieContainerImpl) container).getKieModuleForKBase(KIE_BASE), files, true);
            shippedCodeProblems = offences;
        }
        if (!offences.isEmpty()) {
            return new Build(offences, CODE_CHECK, null, null, millisSince(started));
        }
        return new Build(List.of(), null, container, new CompiledRuleSet(version, label, container.getKieBase(KIE_BASE)),
                millisSince(started));
    }

    /** The compiled classes, read before any is loaded; each offence placed at the rule or function it came from. */
    private List<RuleSetProblem> codeProblems(InternalKieModule module, List<RuleSetFile> files, boolean kjar) {
        Map<String, byte[]> classes = new LinkedHashMap<>();
        List<RuleSetProblem> redefined = new ArrayList<>();
        for (String name : module.getFileNames()) {
            if (name.endsWith(".class")) {
                String className = name.substring(0, name.length() - ".class".length());
                if (!CompiledCodeCheck.isFactModel(className)) {
                    classes.put(className, module.getBytes(name));
                } else if (!kjar) { // the kjar carries the fact model itself; a rule set may not redefine it
                    redefined.add(new RuleSetProblem("the rule set", null, "defines " + CompiledCodeCheck.dotted(className)
                            + ", a class of the fact model; rule sets may not redefine it"));
                }
            }
        }
        if (!redefined.isEmpty()) {
            return redefined;
        }
        List<CompiledCodeCheck.Offence> offences = CompiledCodeCheck.check(classes, getClass().getClassLoader());
        if (offences.isEmpty()) {
            return List.of();
        }
        RuleSources sources = RuleSources.of(files);
        CompiledRuleNames rules = CompiledRuleNames.of(classes);
        List<RuleSetProblem> problems = new ArrayList<>();
        for (CompiledCodeCheck.Offence offence : offences) {
            problems.add(located(offence, sources, rules));
        }
        return problems.stream().distinct().toList();
    }

    private static RuleSetProblem located(CompiledCodeCheck.Offence offence, RuleSources sources, CompiledRuleNames rules) {
        String rule = rules.ruleOf(offence.className(), offence.method());
        RuleSources.Place place = rule == null ? null : sources.rule(rule);
        if (place != null) {
            return new RuleSetProblem(place.file(), place.where(), "rule \"" + rule + "\" " + offence.message());
        }
        String simpleName = offence.className().substring(offence.className().lastIndexOf('/') + 1);
        for (String candidate : new String[] {offence.method(), simpleName, decapitalised(simpleName)}) {
            RuleSources.Place function = candidate == null ? null : sources.function(candidate);
            if (function != null) {
                return new RuleSetProblem(function.file(), function.where(), "function " + candidate + " " + offence.message());
            }
        }
        RuleSources.Place type = sources.type(simpleName);
        if (type != null) {
            return new RuleSetProblem(type.file(), type.where(), "type " + simpleName + " " + offence.message());
        }
        return new RuleSetProblem("the rule set", null, "generated class " + CompiledCodeCheck.dotted(offence.className())
                + (offence.method() == null ? "" : ", " + offence.method() + ",") + " " + offence.message());
    }

    private static String decapitalised(String name) {
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }

    private static RuleSetProblem problem(Message message, List<RuleSetFile> files, RuleSources sources) {
        String path = message.getPath() == null ? null : message.getPath().replaceFirst("^" + RESOURCES, "");
        RuleSetFile file = files.stream().filter(f -> f.path().equals(path)).findFirst().orElse(null);
        String name = file != null ? file.name()
                : path == null || path.startsWith("src/main/java/") ? "the rule set" : path; // generated Java: no file of the owner's
        String text = message.getText() == null ? "" : message.getText().strip();
        String where = null;
        if (file != null && file.kind() == RuleSetFile.Kind.DRL && message.getLine() > 0) {
            where = "line " + message.getLine();
        } else if (file != null && file.kind() != RuleSetFile.Kind.DRL) {
            where = tableRow(file, message.getLine(), text, sources);
        }
        if (file == null && path != null && path.startsWith("src/main/java/")) {
            RuleSources.Place place = quotedPlace(text, sources);
            if (place != null) {
                return new RuleSetProblem(place.file(), place.where(), plain(text));
            }
        }
        return new RuleSetProblem(name, where, plain(text));
    }

    /**
     * The compiler speaks of the Java generated from the rules, which no one wrote; its message
     * usually quotes what is wrong (a literal, a name), and where that stands in just one line or
     * row of the rule files, that is the place to show.
     */
    private static RuleSources.Place quotedPlace(String text, RuleSources sources) {
        Matcher words = WORD.matcher(text.lines().findFirst().orElse(""));
        while (words.find()) {
            String word = words.group();
            // numbers and code-like names only: a plain English word of the message could stand in a reason text
            boolean codeLike = Character.isDigit(word.charAt(0)) || !word.substring(1).equals(word.substring(1).toLowerCase())
                    || word.chars().anyMatch(c -> Character.isDigit(c) || c == '_' || c == '$');
            RuleSources.Place place = codeLike ? sources.onlyPlaceOf(word) : null;
            if (place != null) {
                return place;
            }
        }
        return null;
    }

    /**
     * The table row a problem is in, as the row number a spreadsheet shows: Drools reports the line
     * (or the expression) of the rules it generated from the table; failing that, the rule it names.
     */
    private static String tableRow(RuleSetFile table, int line, String text, RuleSources sources) {
        Matcher expression = EXPRESSION.matcher(text);
        String row = sources.tableRow(table, line, expression.find() ? expression.group(1).strip() : null);
        if (row != null) {
            return row;
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
