package org.blended.rules;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The criterion a Test Scenario is about, read from its description: the code it starts with ("F2 loan to value of
 * exactly 70% is green" is F2), or for the financial boundaries, named in words ("Debt service cover exactly 1.25 is
 * green"), the criterion those words name. Shared by {@link ScenarioRewrite} and {@link OneThresholdTest}, so that
 * the scenarios a rewrite gives a criterion are the ones the test counts as that criterion's.
 */
final class ScenarioCriterion {

    /** The file whose scenarios are the cells of the decision matrix: they expect outcomes and bands, not one criterion. */
    static final String MATRIX = "decision-matrix.scesim";

    private static final Pattern CODE = Pattern.compile("^((?:[EFGID]\\d{1,2})|SV)\\b");
    /** Words of the financial boundary scenarios, in the order they are tried (the first found names the criterion). */
    private static final Map<String, String> WORDS = new LinkedHashMap<>();

    static {
        WORDS.put("debt service cover", "F1");
        WORDS.put("negative cover", "F1");
        WORDS.put("no accounts", "F1");
        WORDS.put("turnover", "F4");
        WORDS.put("years of trading", "F3");
        WORDS.put("year of trading", "F3");
        WORDS.put("year old", "F3");
        WORDS.put("reserves", "F6");
    }

    private ScenarioCriterion() {
    }

    /** The criterion of a scenario of a criterion file; empty when the description names none. */
    static Optional<String> of(String description) {
        if (description == null) {
            return Optional.empty();
        }
        Matcher code = CODE.matcher(description.strip());
        if (code.find()) {
            return Optional.of(code.group(1));
        }
        String words = description.toLowerCase(Locale.ROOT);
        return WORDS.entrySet().stream().filter(w -> words.contains(w.getKey())).map(Map.Entry::getValue).findFirst();
    }
}
