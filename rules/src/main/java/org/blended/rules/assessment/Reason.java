package org.blended.rules.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Objects;

/**
 * Why something counted: every rule that counts for or against an application inserts one.
 * Built fluently in rule consequences, e.g.
 * {@code insert(Reason.points("F1-GREEN", "F1", Theme.FINANCIAL, 3).rated(FinancialBand.GREEN).says(...).firedBy(drools))}.
 * {@code firedBy} records the rule that inserted it.
 */
public class Reason {

    private String code;
    private String criterion;
    private Theme theme;
    private Effect effect;
    private int points;
    private FinancialBand rating;
    private String text;
    private String applicantText;
    /**
     * The officer's and the applicant's sentences as templates ({0}, {1}... stand for the arguments),
     * rendered when first read: an evaluation that needs only the outcome (what-if, the explanation
     * search) never builds them. A stored decision holds the rendered text.
     */
    private String textTemplate;
    private String applicantTemplate;
    private Object[] arguments;
    private String rule;
    /** The applicant's figure the criterion compared, when it compares one. */
    private Double figure;
    /** The figure that would have reached the next better band, when there is one (a near miss). */
    private Double threshold;
    /** The rule that made this reason, whose bounds as compiled {from}, {below}... name; read only when needed. */
    private org.kie.api.definition.rule.Rule firedRule;
    private RuleBounds bounds;
    /** Which way the compared figure gets better, when it is compared with bounds: sets the threshold. */
    private Boolean higherIsBetter;

    public Reason() {
    }

    public Reason(String code, String criterion, Theme theme, Effect effect, int points) {
        this.code = code;
        this.criterion = criterion;
        this.theme = theme;
        this.effect = effect;
        this.points = points;
    }

    public static Reason points(String code, String criterion, Theme theme, int points) {
        return new Reason(code, criterion, theme, Effect.POINTS, points);
    }

    public static Reason hardStop(String code, String criterion, Theme theme) {
        return new Reason(code, criterion, theme, Effect.HARD_STOP, 0);
    }

    public static Reason condition(String code, String criterion, Theme theme) {
        return new Reason(code, criterion, theme, Effect.CONDITION, 0);
    }

    public static Reason note(String code, String criterion, Theme theme) {
        return new Reason(code, criterion, theme, Effect.NOTE, 0);
    }

    /** A reason whose effect a table names, such as a legal form that is a note, a condition or a hard stop. */
    public static Reason of(String code, String criterion, Theme theme, Effect effect) {
        return new Reason(code, criterion, theme, effect, 0);
    }

    /** The red/amber/green rating this reason gives its financial criterion. */
    public Reason rated(FinancialBand rating) {
        this.rating = rating;
        return this;
    }

    /** The sentence for the officer, then the plain-language sentence for the applicant. */
    public Reason says(String text, String applicantText) {
        this.text = text;
        this.applicantText = applicantText;
        return this;
    }

    /**
     * The same as templates: {0}, {1}... in either sentence stand for the arguments, written as Java
     * writes them in a string ({@code "" + 1.25} reads 1.25), or worded for people with {0:money},
     * {0:percent} or {0:months} (see {@link #render}). Rendered only when read.
     */
    public Reason says(String textTemplate, String applicantTemplate, Object... arguments) {
        this.textTemplate = textTemplate;
        this.applicantTemplate = applicantTemplate;
        this.arguments = arguments;
        this.text = null;
        this.applicantText = null;
        return this;
    }

    /** The officer's sentence as a template, for a decision table that sets it column by column. */
    public void setTextTemplate(String template, Object... arguments) {
        this.textTemplate = template;
        this.arguments = arguments;
        this.text = null;
    }

    /**
     * Sets one argument of the templates, for a decision table whose row gives its texts' numbers in
     * columns of their own ({0}: every how many months, {1}: for how long...).
     */
    public Reason argument(int index, Object value) {
        Object[] grown = arguments == null ? new Object[index + 1]
                : java.util.Arrays.copyOf(arguments, Math.max(arguments.length, index + 1));
        grown[index] = value;
        this.arguments = grown;
        this.text = null;
        this.applicantText = null;
        return this;
    }

    /**
     * An applicant's sentence as a template over the arguments the officer's template was given, for
     * a decision table that sets it column by column.
     */
    public void setApplicantTemplate(String template) {
        this.applicantTemplate = template;
        this.applicantText = null;
    }

    /**
     * Replaces {0}, {1}... with the arguments and {figure}, {threshold}, {from}, {over}, {below} and
     * {upTo} with this reason's figure, threshold and its rule's bounds as compiled; a placeholder
     * without a value stays as it is. {0:money}, {from:percent}, {figure:months} word a value for
     * people ({@link Wording}): applicants' sentences use them, officers' keep the figure as it is.
     */
    String render(String template) {
        if (template == null || template.indexOf('{') < 0) {
            return template;
        }
        StringBuilder out = new StringBuilder(template.length() + 32);
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            int close = c == '{' ? template.indexOf('}', i) : -1;
            if (close > i + 1) {
                String placeholder = template.substring(i + 1, close);
                int colon = placeholder.indexOf(':');
                String name = colon < 0 ? placeholder : placeholder.substring(0, colon);
                Object value = value(name);
                if (value != null) {
                    boolean argument = Character.isDigit(name.charAt(0));
                    String worded = colon >= 0 ? Wording.word(value, placeholder.substring(colon + 1))
                            : argument ? String.valueOf(value) : plain(value);
                    if (worded != null) {
                        out.append(worded);
                        i = close + 1;
                        continue;
                    }
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    /** Read from the compiled rule the first time a threshold or a text needs them. */
    private RuleBounds bounds() {
        if (bounds == null) {
            bounds = firedRule == null ? RuleBounds.NONE : RuleBounds.of(firedRule);
        }
        return bounds;
    }

    /** The names a template may use besides the arguments {0}, {1}...: the ones {@link #value} fills. */
    private static final java.util.Set<String> NAMED = java.util.Set.of("figure", "threshold", "from", "over", "below", "upTo");

    /** Whether a reason fills a placeholder of this name (a table's texts are checked with it). */
    public static boolean fills(String name) {
        return name.length() == 1 && Character.isDigit(name.charAt(0)) || NAMED.contains(name);
    }

    /** The value a placeholder names, or null when it names none this reason has. */
    private Object value(String name) {
        if (name.isEmpty()) {
            return null;
        }
        if (name.length() == 1 && Character.isDigit(name.charAt(0))) {
            int index = name.charAt(0) - '0';
            return arguments != null && index < arguments.length ? Objects.requireNonNullElse(arguments[index], "null") : null;
        }
        return switch (name) {
            case "figure" -> figure;
            case "threshold" -> threshold;
            case "from" -> bounds().from();
            case "over" -> bounds().over();
            case "below" -> bounds().below();
            case "upTo" -> bounds().upTo();
            default -> null;
        };
    }

    /** A rule's own numbers without a trailing ".0" (arguments are written as Java writes them, {@code "" + 1.0}). */
    private static String plain(Object value) {
        if (value instanceof Double d && !d.isInfinite() && !d.isNaN() && d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString(d.longValue());
        }
        return String.valueOf(value);
    }

    /**
     * Records the rule whose consequence built this reason: {@code .firedBy(drools)} in a DRL
     * consequence or a decision table action.
     */
    public Reason firedBy(org.kie.api.runtime.rule.RuleContext context) {
        if (context != null && context.getRule() != null) {
            this.rule = context.getRule().getName();
            this.firedRule = context.getRule();
            this.bounds = null;
            if (higherIsBetter != null) {
                // the next better band starts where this row ends, on the side the figure improves towards
                this.threshold = higherIsBetter ? bounds().upper() : bounds().lower();
            }
        }
        return this;
    }

    /**
     * The figure a band table compared, where a higher figure is better (cover, reserves, reach):
     * once {@link #firedBy} knows the row's bounds, the threshold is the row's upper bound.
     */
    public Reason higherIsBetter(Double figure) {
        this.figure = figure;
        this.higherIsBetter = Boolean.TRUE;
        return this;
    }

    /** The same where a lower figure is better (loan to value, loan to turnover): the threshold is the lower bound. */
    public Reason lowerIsBetter(Double figure) {
        this.figure = figure;
        this.higherIsBetter = Boolean.FALSE;
        return this;
    }

    /**
     * The same for the executable model, where {@code drools} in a consequence is typed as
     * {@code org.drools.model.Drools}; the object behind it is also the rule's {@code RuleContext}.
     */
    public Reason firedBy(Object drools) {
        if (drools instanceof org.kie.api.runtime.rule.RuleContext context) {
            return firedBy(context);
        }
        throw new IllegalArgumentException("firedBy expects the rule context (drools), not " + drools);
    }

    /** The figure compared and the one that would reach the next better band. */
    public Reason compared(Double figure, Double threshold) {
        this.figure = figure;
        this.threshold = threshold;
        return this;
    }

    public Double getFigure() { return figure; }
    public void setFigure(Double figure) { this.figure = figure; }
    public Double getThreshold() { return threshold; }
    public void setThreshold(Double threshold) { this.threshold = threshold; }
    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public String getCriterion() { return criterion; }
    public void setCriterion(String criterion) { this.criterion = criterion; }
    public Theme getTheme() { return theme; }
    public void setTheme(Theme theme) { this.theme = theme; }
    public Effect getEffect() { return effect; }
    public void setEffect(Effect effect) { this.effect = effect; }
    public int getPoints() { return points; }
    public void setPoints(int points) { this.points = points; }
    public FinancialBand getRating() { return rating; }
    public void setRating(FinancialBand rating) { this.rating = rating; }
    public String getText() {
        if (text == null && textTemplate != null) {
            text = render(textTemplate);
        }
        return text;
    }
    public void setText(String text) { this.text = text; this.textTemplate = null; }
    public String getApplicantText() {
        if (applicantText == null && applicantTemplate != null) {
            applicantText = render(applicantTemplate);
        }
        return applicantText;
    }
    public void setApplicantText(String applicantText) { this.applicantText = applicantText; this.applicantTemplate = null; }
    public String getRule() { return rule; }
    public void setRule(String rule) { this.rule = rule; }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof Reason r)) return false;
        return points == r.points && Objects.equals(code, r.code) && Objects.equals(criterion, r.criterion)
                && theme == r.theme && effect == r.effect && rating == r.rating && Objects.equals(getText(), r.getText())
                && Objects.equals(getApplicantText(), r.getApplicantText()) && Objects.equals(rule, r.rule);
    }

    @Override
    public int hashCode() {
        return Objects.hash(code, criterion, theme, effect, points, rating, getText());
    }

    @Override
    public String toString() {
        return code + " (" + effect + (effect == Effect.POINTS ? " " + points : "") + "): " + getText();
    }

    /**
     * Figures as an applicant reads them: money as "£43,875", a share as "37.5%", reserves as "more than
     * 3 weeks of spending". The one place the rule base words a figure for people; an applicant's
     * template asks for it with {@code {0:money}}, {@code {0:percent}} or {@code {0:months}} (see
     * {@link Reason#render}). Officers' sentences keep the exact figures.
     * <p>
     * Nested in {@code Reason} because a stored rule set's compiled code may reach only the fact
     * model's listed classes (and their nested ones); the service's rule-content guard checks it.
     */
    public static final class Wording {

        private static final DecimalFormatSymbols UK = DecimalFormatSymbols.getInstance(Locale.UK);

        private Wording() {
        }

        /**
         * Pounds with thousands separated and no pence ("£43,875"); under £100 with pence where there are
         * any ("£2.50"); under a pound in pence ("13p").
         */
        public static String money(double gbp) {
            if (gbp < 0) {
                return "-" + money(-gbp);
            }
            if (gbp < 1) {
                return Math.round(gbp * 100) + "p";
            }
            if (gbp < 100 && Math.round(gbp * 100) % 100 != 0) {
                return "£" + new DecimalFormat("#,##0.00", UK).format(gbp);
            }
            return "£" + new DecimalFormat("#,##0", UK).format(Math.round(gbp));
        }

        /** A share in percent, to a tenth at most and without a trailing ".0" ("50%", "37.5%"). */
        public static String percent(double pct) {
            return BigDecimal.valueOf(pct).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + "%";
        }

        /**
         * Months of spending as people say them, never more than the figure (a threshold it is below
         * stays below): under a month in whole weeks ("more than 3 weeks of spending" for 0.83 months),
         * from a month in half months ("more than 2.5 months of spending" for 2.9).
         */
        public static String monthsOfSpending(double months) {
            if (months <= 0) {
                return "none of your spending";
            }
            if (months < 1) {
                double weeks = months * 52 / 12;
                long whole = (long) Math.floor(weeks);
                if (whole == 0) {
                    return "less than a week of spending";
                }
                return (weeks - whole < 0.05 ? "about " : "more than ") + whole + (whole == 1 ? " week" : " weeks") + " of spending";
            }
            double halves = Math.floor(months * 2) / 2;
            String figure = BigDecimal.valueOf(halves).stripTrailingZeros().toPlainString();
            return (months - halves < 0.05 ? "about " : "more than ") + (halves == 1 ? "a month" : figure + " months") + " of spending";
        }

        /** A number of things, to a tenth at most, the unit agreeing with it ("1 year", "2.5 years"). */
        public static String count(double value, String one, String many) {
            String number = BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
            return number + " " + (number.equals("1") ? one : many);
        }

        /** Whether {@code {n:how}} words a figure (a table's texts are checked with it). */
        public static boolean knows(String how) {
            return word(0.0, how) != null;
        }

        /** The argument worded as the template's placeholder asks ({@code money}, {@code percent}, {@code months}). */
        static String word(Object argument, String how) {
            if (!(argument instanceof Number number)) {
                return String.valueOf(argument);
            }
            double value = number.doubleValue();
            return switch (how) {
                case "money" -> money(value);
                case "percent" -> percent(value);
                case "months" -> monthsOfSpending(value);
                case "year" -> count(value, "year", "years");
                case "month" -> count(value, "month", "months");
                default -> null; // not a wording: the placeholder stays as written, which the texts' checks report
            };
        }
    }
}
