package org.blended.service.explanation;

import org.blended.rules.application.Application;

/**
 * One actionable change to an application: the JSON path of the field, its value before and
 * after, and the sentence an applicant reads. Only things an applicant can act on are proposed:
 * evidence, the amount, the term, security, the governing document; never its past.
 */
record Change(String field, Object from, Object to, String sentence, java.util.function.Consumer<Application> apply) {

    /** The JSON form leaves out how the change is applied. */
    public record View(String field, Object from, Object to, String sentence) {
    }

    public View view() {
        return new View(field, from, to, sentence);
    }
}
