package org.blended.service.ruleset.source;

/**
 * Something in a rule set that stops it from being published, said so that a policy owner can
 * find it: the file, where in it ("line 12", "row 7, column D (Points)") when known, and what is
 * wrong in plain words.
 */
public record RuleSetProblem(String file, String where, String message) {

    @Override
    public String toString() {
        return file + (where == null ? "" : ", " + where) + ": " + message;
    }
}
