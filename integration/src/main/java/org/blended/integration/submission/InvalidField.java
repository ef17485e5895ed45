package org.blended.integration.submission;

/**
 * One reason a submission was refused: the JSON path of the offending field ("request.amount",
 * "applicant.legalForm"; "$" for the document as a whole) and why, in words a developer can act on.
 * Both may quote what was sent, so both are made storable (see {@link StorableText}).
 */
public record InvalidField(String field, String message) {

    public InvalidField {
        field = StorableText.of(field);
        message = StorableText.of(message);
    }

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
