package org.blended.rules.assessment;

import org.drools.base.rule.GroupElement;
import org.drools.base.rule.IndexableConstraint;
import org.drools.base.rule.Pattern;
import org.drools.base.rule.RuleConditionElement;
import org.drools.base.rule.accessor.FieldValue;
import org.drools.base.rule.constraint.Constraint;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.kie.api.definition.rule.Rule;

/**
 * The bounds a rule compares a figure with, read from the rule as compiled: a decision table's row
 * "from 1.0, below 1.25" compiles to {@code debtServiceCover >= 1.0, debtServiceCover < 1.25}, and
 * those literals are what a reason's text names ({@code {from}}, {@code {below}}), so a text cannot
 * name another number than the one that decided. Only comparisons of a fact's field with a number
 * count; equality (the kind of lending, a measure) does not. A rule comparing two figures is not a
 * band table: the first bound of each kind is taken.
 */
record RuleBounds(Double from, Double over, Double below, Double upTo) {

    static final RuleBounds NONE = new RuleBounds(null, null, null, null);

    /** The lower bound whichever way it is written: "from" (at least) or "over" (more than). */
    Double lower() {
        return from != null ? from : over;
    }

    /** The upper bound whichever way it is written: "below" (less than) or "up to" (at most). */
    Double upper() {
        return below != null ? below : upTo;
    }

    static RuleBounds of(Rule rule) {
        if (!(rule instanceof RuleImpl compiled) || compiled.getLhs() == null) {
            return NONE;
        }
        Builder bounds = new Builder();
        bounds.read(compiled.getLhs());
        return bounds.build();
    }

    private static final class Builder {
        private Double from;
        private Double over;
        private Double below;
        private Double upTo;

        /** The rule's own patterns; what sits under a not, exists or accumulate is not a bound of this row. */
        void read(GroupElement group) {
            if (!group.isAnd()) {
                return;
            }
            for (RuleConditionElement element : group.getChildren()) {
                if (element instanceof GroupElement nested) {
                    read(nested);
                } else if (element instanceof Pattern pattern) {
                    for (Constraint constraint : pattern.getConstraints()) {
                        read(constraint);
                    }
                }
            }
        }

        private void read(Constraint constraint) {
            if (!(constraint instanceof IndexableConstraint indexed)) {
                return;
            }
            FieldValue field = indexed.getField();
            if (field == null || !(field.getValue() instanceof Number number) || indexed.getConstraintType() == null) {
                return;
            }
            double value = number.doubleValue();
            switch (indexed.getConstraintType()) {
                case GREATER_OR_EQUAL -> from = from == null ? value : from;
                case GREATER_THAN -> over = over == null ? value : over;
                case LESS_THAN -> below = below == null ? value : below;
                case LESS_OR_EQUAL -> upTo = upTo == null ? value : upTo;
                default -> { }
            }
        }

        RuleBounds build() {
            return from == null && over == null && below == null && upTo == null ? NONE : new RuleBounds(from, over, below, upTo);
        }
    }
}
