package org.blended.integration.intake;

import java.util.List;
import java.util.stream.Collectors;

/** A submission that cannot be assessed as sent; it lists every offending field. */
public class InvalidSubmissionException extends RuntimeException {

    private final List<InvalidField> invalidFields;

    public InvalidSubmissionException(List<InvalidField> invalidFields) {
        super(invalidFields.stream().map(InvalidField::toString).collect(Collectors.joining("; ")));
        this.invalidFields = List.copyOf(invalidFields);
    }

    public List<InvalidField> getInvalidFields() {
        return invalidFields;
    }
}
