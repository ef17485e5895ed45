package org.blended.service.ruleset.guard;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The names rule content may use as types: the fact model (the classes of the two packages of the
 * rules module) and a few harmless standard types. Kept as a fixed list rather than found by scanning
 * the class path, so that nothing on the class path widens it; a test fails when a class is added to
 * the fact model and not here.
 */
final class FactModel {

    static final String APPLICATION = "org.blended.rules.application";
    static final String ASSESSMENT = "org.blended.rules.assessment";

    /** The fact model, by package. */
    static final Map<String, Set<String>> CLASSES = Map.of(
            APPLICATION, Set.of("Adjustments", "Applicant", "Application", "BeneficiaryGroup", "Board", "Claim",
                    "EvidenceGrade", "FinancialYear", "Financials", "Impact", "ImpactRisks", "LegalForm",
                    "LoanRequest", "Measure", "OutcomeArea", "Purpose", "RequestType", "RiskLevel", "Staff"),
            ASSESSMENT, Set.of("Assessment", "Effect", "FinancialBand", "ImpactBand", "MeasureValue", "Metrics",
                    "NetClaim", "Outcome", "PolicyParameter", "Reason", "RuleBounds", "SocialValueScore", "Theme", "ValuedClaim"));

    /** Standard types rule content may import: values, dates and collections, nothing that reaches outside. */
    static final Set<String> JDK_IMPORTS = Set.of(
            "java.math.BigDecimal", "java.math.RoundingMode",
            "java.time.LocalDate", "java.time.YearMonth", "java.time.temporal.ChronoUnit",
            "java.util.List", "java.util.ArrayList", "java.util.Set", "java.util.HashSet", "java.util.Map",
            "java.util.HashMap", "java.util.Collection", "java.util.Collections", "java.util.Objects",
            "java.util.Comparator");

    /** Types of java.lang, which Java and MVEL know without an import, that rule content may use. */
    static final Set<String> JAVA_LANG = Set.of(
            "String", "Math", "Integer", "Long", "Double", "Float", "Short", "Byte", "Boolean", "Character",
            "Number", "Object", "StringBuilder");

    private FactModel() {
    }

    static boolean isFactPackage(String name) {
        return CLASSES.containsKey(name);
    }

    static boolean isFactClass(String simpleName) {
        return CLASSES.values().stream().anyMatch(names -> names.contains(simpleName));
    }

    /** The fact-model class of that simple name, loaded without running its initialisers. */
    static Optional<Class<?>> factClass(String simpleName) {
        for (Map.Entry<String, Set<String>> classes : CLASSES.entrySet()) {
            if (classes.getValue().contains(simpleName)) {
                try {
                    return Optional.of(Class.forName(classes.getKey() + "." + simpleName, false, FactModel.class.getClassLoader()));
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException("The fact model lists " + simpleName + " but it is not on the class path", e);
                }
            }
        }
        return Optional.empty();
    }

    /** Whether a type named this way (no package) is one rule content may use. */
    static boolean isAllowedType(String simpleName) {
        return isFactClass(simpleName) || JAVA_LANG.contains(simpleName)
                || JDK_IMPORTS.stream().anyMatch(name -> name.endsWith("." + simpleName));
    }
}
