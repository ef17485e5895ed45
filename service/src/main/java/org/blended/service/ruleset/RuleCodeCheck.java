package org.blended.service.ruleset;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.blended.service.ruleset.DrlTokens.Token;

/**
 * Reads the code in a DRL text (constraints, evals, froms, accumulates, consequences, functions, queries,
 * declarations: the whole text, so that no code-bearing part is missed) and finds what could reach
 * beyond the fact model: imports from elsewhere, Java package paths, reflection, processes, files,
 * the network, and the rule engine behind {@code drools}.
 * <p>
 * Names are checked against a deny-list first and then every type-like name against an allow-list;
 * MVEL (the other dialect) calls methods and reads properties on whatever an expression returns,
 * so the rule context and what {@code insert} returns are held to a few plain uses.
 */
final class RuleCodeCheck {

    /** Something found at a line of the text; {@code subject} is the text that shows it, to find it again. */
    record Offence(int line, String subject, String message) {
    }

    /** A rule of the text, and the table row Drools names for it when it came from a decision table. */
    record RuleHeader(String name, Integer tableRow) {
    }

    record Result(List<Offence> offences, NavigableMap<Integer, RuleHeader> rules) {

        /** The rule a line belongs to, if any. */
        RuleHeader ruleAt(int line) {
            Map.Entry<Integer, RuleHeader> entry = rules.floorEntry(line);
            return entry == null ? null : entry.getValue();
        }
    }

    private static final String ONLY_FACT_MODEL = "only the fact model and a few standard types are allowed";

    private static final String RULE_CONTEXT_USES =
            "only as firedBy(drools), drools.getRule().getName(), insert, update and delete";

    /** Names that reach processes, threads, reflection, class loading, files, the network or JVM settings. */
    private static final Set<String> DENIED = Set.of(
            "System", "Runtime", "ProcessBuilder", "Process", "Thread", "ThreadGroup", "halt", "exit", "loadLibrary",
            "getRuntime", "exec",
            "ClassLoader", "Class", "forName", "getClass", "getClassLoader", "getDeclaredMethod", "getDeclaredMethods",
            "getMethod", "getMethods", "getDeclaredField", "getDeclaredFields", "getField", "getFields",
            "getConstructor", "getConstructors", "getDeclaredConstructor", "getDeclaredConstructors", "newInstance",
            "invoke", "setAccessible", "MethodHandles", "MethodHandle", "Unsafe", "Introspector", "Proxy",
            // ways from an enum constant or any object to its Class, and from a Class to a class loader
            "getDeclaringClass", "declaringClass", "getEnclosingClass", "getSuperclass", "getComponentType",
            "getModule", "getLayer", "findLoader", "loadClass", "findClass", "defineClass", "getClassType",
            "File", "Files", "Paths", "Path", "FileInputStream", "FileOutputStream", "RandomAccessFile",
            "Socket", "ServerSocket", "URL", "URI", "HttpClient",
            "Executors", "ExecutorService", "ForkJoinPool", "CompletableFuture", "Timer",
            "ScriptEngineManager", "InitialContext", "ObjectInputStream",
            // Boolean.getBoolean and the like read the JVM's system properties
            "getInteger", "getLong", "getBoolean");

    /**
     * The rule engine behind the rule context: its methods and, because MVEL reads getX() as x and
     * runs a consequence with the rule context as "this", their property forms, bare or after a dot.
     */
    private static final Set<String> ENGINE = Set.of(
            "getKieRuntime", "kieRuntime", "getKnowledgeRuntime", "knowledgeRuntime", "getWorkingMemory",
            "workingMemory", "getKieBase", "kieBase", "getKieSession", "kieSession", "getEntryPoint",
            "getChannels", "channels", "getChannel", "getActivation", "activation", "setActivation", "getMatch",
            "match", "getTuple", "tuple", "getFactHandle", "getFactHandleFromWM", "getDeclaration",
            "getRequiredDeclarations", "requiredDeclarations", "getContext", "toStatefulKnowledgeSession",
            "getReteEvaluator", "reteEvaluator", "getKnowledgeBase", "knowledgeBase", "run", "insertAsync",
            "blockMatch", "unblockAllMatches", "cancelMatch", "don", "shed", "bolster",
            "restoreActivationOnConsequenceFailure", "readExternal", "writeExternal");

    /** First segments of Java package paths: java.io.File and the like name classes outside the fact model. */
    private static final Set<String> PACKAGE_ROOTS = Set.of(
            "java", "javax", "jdk", "sun", "com", "org", "net", "io", "kotlin", "groovy", "jakarta", "scala");

    /** What a consequence may do with the rule context, as drools.x(...). */
    private static final Set<String> RULE_CONTEXT_CALLS =
            Set.of("insert", "insertLogical", "update", "delete", "retract", "setFocus");

    /** What it may read of drools.getRule(): strings. */
    private static final Set<String> RULE_NAME_CALLS = Set.of("getName", "getPackageName", "getId");

    private static final Set<String> STATEMENT_BEFORE = Set.of(";", "{", "}", "then", "else");
    private static final Set<String> STATEMENT_AFTER = Set.of(";", "}", "end");

    private static final Pattern TABLE_ROW = Pattern.compile("rule values at [A-Z]+(\\d+)");

    private static final Token NOTHING = new Token(DrlTokens.Kind.SYMBOL, "", 0);

    private final List<Token> code = new ArrayList<>();
    private final Map<Integer, String> commentBefore = new HashMap<>();
    private final Set<String> declaredTypes = new HashSet<>();
    private final List<Offence> offences = new ArrayList<>();
    private final NavigableMap<Integer, RuleHeader> rules = new TreeMap<>();
    private boolean inConsequence;

    private RuleCodeCheck() {
    }

    static Result check(String drl) {
        DrlTokens read = DrlTokens.of(drl);
        RuleCodeCheck check = new RuleCodeCheck();
        read.hazards().forEach(hazard -> check.offences.add(new Offence(hazard.line(), hazard.subject(), hazard.message())));
        for (Token token : read.tokens()) {
            if (token.kind() == DrlTokens.Kind.COMMENT) {
                check.commentBefore.put(check.code.size(), token.text());
            } else {
                check.code.add(token);
            }
        }
        check.run();
        return new Result(check.offences, check.rules);
    }

    private void run() {
        collectDeclaredTypes();
        int i = 0;
        while (i < code.size()) {
            i = visit(i);
        }
    }

    /** Types the DRL declares itself may be used like the fact model, unless they take a name Java uses. */
    private void collectDeclaredTypes() {
        for (int i = 0; i < code.size(); i++) {
            if (!code.get(i).is("declare") || afterDot(i)) {
                continue;
            }
            int k = i + 1;
            if (Set.of("trait", "enum", "window").contains(at(k).text())) {
                k++;
            }
            if (at(k).isIdentifier() && !at(k + 1).is(".")) {
                String name = at(k).text();
                declaredTypes.add(name);
                if (isJavaLangType(name)) {
                    offences.add(new Offence(at(k).line(), name, "declares a type named " + name
                            + ", which is the name of one of Java's own types; choose another name"));
                }
            }
        }
    }

    private int visit(int i) {
        Token token = code.get(i);
        if (!token.isIdentifier()) {
            return i + 1;
        }
        if (!afterDot(i)) {
            switch (token.text()) {
                case "package" -> {
                    return skipPackage(i);
                }
                case "import" -> {
                    return checkImport(i);
                }
                case "rule", "query" -> {
                    Token name = at(i + 1);
                    if (name.kind() == DrlTokens.Kind.STRING || name.isIdentifier()) {
                        rules.put(token.line(), new RuleHeader(
                                name.kind() == DrlTokens.Kind.STRING ? name.unquoted() : name.text(), tableRow(i)));
                        inConsequence = false;
                        return i + 2;
                    }
                }
                case "then" -> inConsequence = true;
                case "end" -> {
                    inConsequence = false;
                    rules.put(token.line() + 1, null);
                }
                default -> {
                }
            }
        }
        return checkName(i);
    }

    private int skipPackage(int i) {
        int k = at(i + 1).isIdentifier() ? nameEnd(i + 1) + 1 : i + 1;
        return at(k).is(";") ? k + 1 : k;
    }

    /** import [function|static|accumulate] a.b.C[.*] [alias] [;] */
    private int checkImport(int i) {
        int k = i + 1;
        String kind = "";
        if (Set.of("function", "static", "accumulate").contains(at(k).text())) {
            kind = at(k).text();
            k++;
        }
        StringBuilder name = new StringBuilder();
        while (at(k).isIdentifier() || at(k).is("*")) {
            name.append(at(k).text());
            if (!at(k + 1).is(".")) {
                k++;
                break;
            }
            name.append('.');
            k += 2;
        }
        if (kind.equals("accumulate") && at(k).isIdentifier()) {
            k++;
        }
        String problem = importProblem(kind, name.toString());
        if (problem != null) {
            offences.add(new Offence(code.get(i).line(), name.toString(), problem));
        }
        return at(k).is(";") ? k + 1 : k;
    }

    private static String importProblem(String kind, String name) {
        if (kind.equals("accumulate")) {
            return "imports the accumulate function " + name + "; rule content may not add accumulate functions";
        }
        if (kind.equals("function") || kind.equals("static")) {
            int dot = name.lastIndexOf('.');
            return dot > 0 && isFactClass(name.substring(0, dot)) ? null
                    : "imports the function " + name + ", which is outside the fact model; rule content may not import it";
        }
        if (FactModel.JDK_IMPORTS.contains(name) || isFactClass(name)
                || name.endsWith(".*") && FactModel.isFactPackage(name.substring(0, name.length() - 2))) {
            return null;
        }
        return "imports " + name + ", which rule content may not import (" + ONLY_FACT_MODEL + ")";
    }

    private static boolean isFactClass(String qualifiedName) {
        int dot = qualifiedName.lastIndexOf('.');
        return dot > 0 && FactModel.CLASSES.getOrDefault(qualifiedName.substring(0, dot), Set.of())
                .contains(qualifiedName.substring(dot + 1));
    }

    /** Checks a name and the names chained to it by dots (a.b.c); one offence per chain is enough to say. */
    private int checkName(int i) {
        int end = nameEnd(i);
        int start = i;
        if (!afterDot(i) && end > i && PACKAGE_ROOTS.contains(code.get(i).text())) {
            List<String> segments = new ArrayList<>();
            for (int k = i; k <= end; k += 2) {
                segments.add(code.get(k).text());
            }
            String path = String.join(".", segments);
            if (segments.size() > 4 && FactModel.isFactPackage(String.join(".", segments.subList(0, 4)))) {
                start = i + 8; // the fact model's own package: check the class name that follows
            } else if (segments.size() >= 3 || isTypeLike(segments.get(1))) {
                offences.add(new Offence(code.get(i).line(), path, "uses " + path
                        + ", a Java package path, which rule content may not use (" + ONLY_FACT_MODEL + ")"));
                return end + 1;
            }
        }
        for (int k = start; k <= end; k += 2) {
            Offence offence = offence(k);
            if (offence != null) {
                offences.add(offence);
                break;
            }
        }
        return end + 1;
    }

    private Offence offence(int k) {
        Token token = code.get(k);
        String name = token.text();
        boolean member = afterDot(k);
        if (member && name.equals("class")) {
            return new Offence(token.line(), "class", "uses .class, which reaches Java's reflection; rule content may not use it");
        }
        if (DENIED.contains(name) || member && name.equals("load") || name.toLowerCase(Locale.ROOT).contains("classloader")) {
            return new Offence(token.line(), name, verb(k) + " " + name + ", which rule content may not use (" + ONLY_FACT_MODEL + ")");
        }
        if (ENGINE.contains(name)) {
            return new Offence(token.line(), name, "uses " + name + ", which reaches the rule engine itself; rule content may not use it");
        }
        if (member) {
            return typeOffence(k);
        }
        switch (name) {
            case "drools", "kcontext" -> {
                return ruleContextOffence(k);
            }
            case "getRule", "rule" -> {
                // MVEL runs a consequence with the rule context as "this": a bare getRule() is drools.getRule()
                if (at(k + 1).is(name.equals("rule") ? "." : "(")) {
                    return new Offence(token.line(), name, "uses " + name + " on its own, which in MVEL reaches the rule"
                            + " engine; rule content may use the rule context " + RULE_CONTEXT_USES);
                }
            }
            case "this" -> {
                if (inConsequence) {
                    return new Offence(token.line(), name, "uses this in a consequence, where MVEL makes it the rule"
                            + " context; rule content may use the rule context " + RULE_CONTEXT_USES);
                }
            }
            case "insert", "insertLogical" -> {
                return insertOffence(k, k);
            }
            default -> {
            }
        }
        return typeOffence(k);
    }

    private Offence typeOffence(int k) {
        String name = code.get(k).text();
        if (isTypeLike(name) && !at(k - 1).is("@") && !FactModel.isAllowedType(name) && !declaredTypes.contains(name)) {
            return new Offence(code.get(k).line(), name, "uses " + name + ", which is outside the fact model and the allowed types");
        }
        return null;
    }

    /** drools and kcontext: firedBy(drools), drools.getRule().getName(), drools.insert(...) and the like only. */
    private Offence ruleContextOffence(int k) {
        Token token = code.get(k);
        String name = token.text();
        if (at(k - 1).is("(") && at(k - 2).is("firedBy") && at(k + 1).is(")")) {
            return null;
        }
        if (at(k + 1).is(".") && at(k + 2).isIdentifier()) {
            String call = at(k + 2).text();
            if (RULE_CONTEXT_CALLS.contains(call) && at(k + 3).is("(")) {
                return call.startsWith("insert") ? insertOffence(k, k + 2) : null;
            }
            if (call.equals("getRule") && at(k + 3).is("(") && at(k + 4).is(")") && at(k + 5).is(".")
                    && RULE_NAME_CALLS.contains(at(k + 6).text()) && at(k + 7).is("(")) {
                return null;
            }
            String used = name + "." + call;
            String subject = call;
            if (call.equals("getRule") && at(k + 3).is("(") && at(k + 4).is(")")) {
                boolean member = at(k + 5).is(".") && at(k + 6).isIdentifier();
                used = name + ".getRule()" + (member ? "." + at(k + 6).text() : "");
                subject = member ? at(k + 6).text() : call;
            }
            return new Offence(token.line(), subject, "uses " + used
                    + ", which reaches the rule engine itself; rule content may use " + name + " " + RULE_CONTEXT_USES);
        }
        return new Offence(token.line(), name, "uses " + name + " other than as firedBy(" + name + "); rule content may use "
                + name + " " + RULE_CONTEXT_USES);
    }

    /**
     * insert(...) returns the engine's handle on the fact, and MVEL lets a consequence call anything on it:
     * an insert must be a statement of its own. {@code start} is where the statement starts (drools or insert).
     */
    private Offence insertOffence(int start, int call) {
        if (!at(call + 1).is("(")) {
            return null;
        }
        int depth = 0;
        int close = call + 1;
        for (; close < code.size(); close++) {
            if (code.get(close).is("(")) {
                depth++;
            } else if (code.get(close).is(")") && --depth == 0) {
                break;
            }
        }
        boolean statement = (start == 0 || STATEMENT_BEFORE.stream().anyMatch(at(start - 1)::is))
                && (close + 1 >= code.size() || STATEMENT_AFTER.stream().anyMatch(at(close + 1)::is));
        return statement ? null : new Offence(code.get(call).line(), code.get(call).text(), "uses the value "
                + code.get(call).text() + "(...) returns, which reaches the rule engine itself; write "
                + code.get(call).text() + "(...) as a statement of its own");
    }

    private String verb(int k) {
        if (at(k - 1).is("new")) {
            return "creates";
        }
        return at(k + 1).is("(") || at(k + 1).is(".") || at(k + 1).is("::") ? "calls" : "uses";
    }

    private Integer tableRow(int i) {
        String comment = commentBefore.get(i);
        Matcher matcher = comment == null ? null : TABLE_ROW.matcher(comment);
        return matcher != null && matcher.find() ? Integer.valueOf(matcher.group(1)) : null;
    }

    /** The last index of a.b.c starting at i (identifiers joined by single dots). */
    private int nameEnd(int i) {
        int k = i;
        while (at(k + 1).is(".") && at(k + 2).isIdentifier()) {
            k += 2;
        }
        return k;
    }

    /** After ".", MVEL's null-safe ".?" or a method reference "::": a member, not a name on its own. */
    private boolean afterDot(int k) {
        return at(k - 1).is(".") || at(k - 1).is("::") || at(k - 1).is("?") && at(k - 2).is(".");
    }

    private Token at(int k) {
        return k >= 0 && k < code.size() ? code.get(k) : NOTHING;
    }

    /** Capitalised with some lower case: a type. ALL_CAPS names are constants (GREEN, APPROVE). */
    private static boolean isTypeLike(String name) {
        return !name.isEmpty() && Character.isUpperCase(name.charAt(0)) && !name.equals(name.toUpperCase(Locale.ROOT));
    }

    private static boolean isJavaLangType(String name) {
        try {
            Class.forName("java.lang." + name, false, null);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
