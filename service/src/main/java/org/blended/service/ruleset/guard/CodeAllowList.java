package org.blended.service.ruleset.guard;

import static java.util.Map.entry;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What compiled rule code may reference outside its own classes and the fact model: values,
 * arithmetic, text, dates, read-only collections, and the parts of the rule engine's executable
 * model that the generated code builds rules with. Everything else is refused because it is not
 * here, so nothing needs to be known about what is dangerous: files, processes, threads, the
 * network, reflection and class loading are simply absent. Each entry says why it is needed.
 * Names are JVM internal names ({@code java/lang/String}); {@code *} allows every member.
 */
final class CodeAllowList {

    private static final Set<String> ALL = Set.of("*");
    private static final Set<String> BOXED = Set.of("valueOf", "parseInt", "parseLong", "parseDouble", "parseFloat",
            "parseBoolean", "intValue", "longValue", "doubleValue", "floatValue", "shortValue", "byteValue",
            "booleanValue", "charValue", "compare", "compareTo", "equals", "hashCode", "toString", "sum", "min", "max",
            "isNaN", "isInfinite", "isFinite", "signum", "TYPE", "MAX_VALUE", "MIN_VALUE", "TRUE", "FALSE");
    /** Reading, and adding: the generated rules of a rule set with declared types gather them in a list. */
    private static final Set<String> COLLECTION = Set.of("of", "copyOf", "get", "size", "isEmpty",
            "contains", "containsAll", "indexOf", "lastIndexOf", "getOrDefault", "containsKey", "containsValue",
            "equals", "hashCode", "toString", "add", "addAll", "put");
    /** Value types of java.time: every member but the ones that read the clock (replay must give the same answer). */
    private static final Set<String> TIME_VALUE = Set.of("*", "!now");

    /** Members by owner. A leading {@code !} refuses a member of an owner otherwise allowed whole. */
    private static final Map<String, Set<String>> MEMBERS = Map.ofEntries(
            // every class has them; getClass, wait and notify are left out (reflection, blocking)
            entry("java/lang/Object", Set.of("<init>", "equals", "hashCode", "toString")),
            // generated enums (one per lambda) and fact-model enums
            entry("java/lang/Enum", Set.of("<init>", "valueOf", "name", "ordinal", "compareTo", "equals", "hashCode",
                    "toString")),
            entry("java/lang/String", Set.of("length", "charAt", "isEmpty", "isBlank", "equals", "equalsIgnoreCase",
                    "hashCode", "compareTo", "compareToIgnoreCase", "contains", "startsWith", "endsWith", "indexOf",
                    "lastIndexOf", "substring", "replace", "toLowerCase", "toUpperCase", "trim", "strip",
                    "stripLeading", "stripTrailing", "concat", "valueOf", "format", "formatted", "join", "split",
                    "matches", "replaceAll", "replaceFirst", "toString", "<init>")),
            // string concatenation as javac and ECJ compile it
            entry("java/lang/StringBuilder", Set.of("<init>", "append", "toString", "length", "insert")),
            entry("java/lang/CharSequence", Set.of("length", "charAt", "toString")),
            entry("java/lang/Number", BOXED),
            entry("java/lang/Integer", BOXED), entry("java/lang/Long", BOXED), entry("java/lang/Double", BOXED),
            entry("java/lang/Float", BOXED), entry("java/lang/Short", BOXED), entry("java/lang/Byte", BOXED),
            entry("java/lang/Boolean", BOXED), entry("java/lang/Character", BOXED),
            // arithmetic; random is left out: a decision must replay the same
            entry("java/lang/Math", Set.of("*", "!random")),
            entry("java/math/BigDecimal", Set.of("<init>", "valueOf", "add", "subtract", "multiply", "divide",
                    "remainder", "negate", "abs", "min", "max", "signum", "scale", "precision", "setScale", "round",
                    "compareTo", "equals", "hashCode", "toString", "toPlainString", "doubleValue", "intValue",
                    "longValue", "stripTrailingZeros", "ZERO", "ONE", "TEN")),
            entry("java/math/BigInteger", Set.of("valueOf", "add", "subtract", "multiply", "divide", "negate", "abs",
                    "signum", "compareTo", "equals", "hashCode", "toString", "intValue", "longValue", "doubleValue",
                    "ZERO", "ONE", "TEN")),
            entry("java/math/RoundingMode", ALL), entry("java/math/MathContext", ALL),
            entry("java/time/LocalDate", TIME_VALUE), entry("java/time/LocalDateTime", TIME_VALUE),
            entry("java/time/YearMonth", TIME_VALUE), entry("java/time/Year", TIME_VALUE),
            entry("java/time/Month", ALL), entry("java/time/DayOfWeek", ALL), entry("java/time/Period", ALL),
            entry("java/time/Duration", ALL), entry("java/time/temporal/ChronoUnit", ALL),
            entry("java/time/temporal/TemporalAccessor", Set.of()), entry("java/time/chrono/ChronoLocalDate",
                    Set.of("isBefore", "isAfter", "isEqual", "compareTo")),
            // date literals in constraints are parsed with a formatter the generated code builds
            entry("java/time/format/DateTimeFormatter", Set.of("ofPattern", "ISO_LOCAL_DATE", "format", "parse")),
            entry("java/time/format/DateTimeFormatterBuilder", ALL),
            entry("java/util/Locale", Set.of("ENGLISH", "ROOT", "UK")),
            entry("java/util/List", COLLECTION), entry("java/util/Set", COLLECTION),
            entry("java/util/Map", COLLECTION), entry("java/util/Collection", COLLECTION),
            entry("java/util/ArrayList", Set.of("<init>")),
            // types declared in DRL (declare ... end) implement these; their members are generated in the type
            entry("org/drools/base/factmodel/GeneratedFact", Set.of()),
            entry("org/drools/base/factmodel/AccessibleFact", Set.of("getValue", "setValue")),
            entry("java/util/Collections", Set.of("emptyList", "emptySet", "emptyMap", "singletonList", "singleton",
                    "unmodifiableList", "unmodifiableSet", "unmodifiableMap")),
            entry("java/util/Arrays", Set.of("asList")),
            entry("java/util/Objects", Set.of("equals", "hash", "hashCode", "isNull", "nonNull", "requireNonNull",
                    "requireNonNullElse", "toString")),
            // generated enum classes copy their values() array
            entry("java/lang/System", Set.of("arraycopy")),
            // generated code may throw these for impossible cases
            entry("java/lang/RuntimeException", Set.of("<init>")),
            entry("java/lang/IllegalArgumentException", Set.of("<init>")),
            entry("java/lang/IllegalStateException", Set.of("<init>")),
            entry("java/lang/ArithmeticException", Set.of("<init>")),
            // the executable model wraps a DRL function's body in a catch of these
            entry("java/lang/Exception", Set.of("<init>", "getMessage")),
            entry("java/lang/Throwable", Set.of("<init>", "getMessage")),
            // lambdas the generated rules are built of carry their own description for the engine's checks
            entry("java/lang/invoke/SerializedLambda", Set.of("getFunctionalInterfaceClass",
                    "getFunctionalInterfaceMethodName", "getFunctionalInterfaceMethodSignature", "getImplClass",
                    "getImplMethodKind", "getImplMethodName", "getImplMethodSignature", "getCapturedArg")),
            // the rule engine: what a consequence may do with the working memory
            entry("org/drools/model/Drools", Set.of("insert", "update", "delete", "logicalInsert", "setFocus", "halt")),
            entry("org/drools/model/DroolsEntryPoint", Set.of("insert", "update", "delete")),
            // constraint helpers the executable model compiles comparisons to
            entry("org/drools/modelcompiler/util/EvaluationUtil", ALL),
            entry("org/drools/util/DateUtils", Set.of("getDateFormatMask")),
            // the project model class describes the kmodule to the engine: data, nothing built
            entry("org/kie/api/KieServices", Set.of("get", "newKieModuleModel")),
            entry("org/kie/api/runtime/conf/ClockTypeOption", Set.of("get")),
            entry("org/kie/util/maven/support/ReleaseIdImpl", Set.of("<init>")),
            entry("org/drools/modelcompiler/CanonicalKieModuleModel", Set.of()));

    /**
     * Engine packages whose types the generated rules are built with (patterns, constraints,
     * indexes, the functional interfaces of lambdas): allowed whole, except for members that reach
     * beyond the working memory (scripts, globals, channels, other runtimes) and the classes above.
     */
    private static final List<String> ENGINE_PACKAGES = List.of("org/drools/model/",
            "org/drools/modelcompiler/dsl/pattern/", "org/kie/api/builder/model/", "org/kie/api/conf/");
    private static final List<String> ENGINE_EXCLUDED = List.of("org/drools/model/util/", "org/drools/model/Channel");
    private static final Set<String> ENGINE_MEMBERS_REFUSED = Set.of("executeScript", "globalOf", "exchangeOf",
            "send", "receive", "supply", "unitData", "getRuntime", "getContext", "getChannel", "getEntryPoint",
            "insertAsync", "entryPoint");
    /** Accumulate functions (sum, count, collect...) are made by their constructors, through a method reference. */
    private static final String ACCUMULATORS = "org/drools/core/base/accumulators/";

    private CodeAllowList() {
    }

    /** Whether code may name this type (create it, cast to it, use its class literal, extend it). */
    static boolean allowsType(String owner) {
        return MEMBERS.containsKey(owner) || isEngine(owner) || isAccumulator(owner)
                || owner.equals("java/lang/Comparable") || owner.equals("java/io/Serializable");
    }

    /** Whether code may use this member of a type outside the rule set and the fact model. */
    static boolean allowsMember(String owner, String name) {
        Set<String> members = MEMBERS.get(owner);
        if (members != null) {
            return !members.contains("!" + name) && (members.contains("*") || members.contains(name));
        }
        if (isEngine(owner)) {
            return !ENGINE_MEMBERS_REFUSED.contains(name);
        }
        return isAccumulator(owner) && name.equals("<init>");
    }

    private static boolean isEngine(String owner) {
        return ENGINE_PACKAGES.stream().anyMatch(owner::startsWith) && ENGINE_EXCLUDED.stream().noneMatch(owner::startsWith)
                && !MEMBERS.containsKey(owner);
    }

    private static boolean isAccumulator(String owner) {
        return owner.startsWith(ACCUMULATORS) && owner.endsWith("AccumulateFunction")
                && owner.indexOf('/', ACCUMULATORS.length()) < 0;
    }

    /** How many entries the list has, for the README and the closing note. */
    static int size() {
        return MEMBERS.size() + ENGINE_PACKAGES.size() + 1;
    }
}
