package org.blended.integration.submission;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** A submission that cannot be assessed as sent; it lists every offending field. */
public class InvalidSubmissionException extends RuntimeException {

    private final List<InvalidField> invalidFields;
    private final UUID rejectionId;

    public InvalidSubmissionException(List<InvalidField> invalidFields) {
        this(invalidFields, null);
    }

    private InvalidSubmissionException(List<InvalidField> invalidFields, UUID rejectionId) {
        super(invalidFields.stream().map(InvalidField::toString).collect(Collectors.joining("; ")));
        this.invalidFields = List.copyOf(invalidFields);
        this.rejectionId = rejectionId;
    }

    /** The same refusal, once it is on record as the given rejection. */
    public InvalidSubmissionException recordedAs(UUID rejectionId) {
        return new InvalidSubmissionException(invalidFields, rejectionId);
    }

    /** The id under which the refusal was recorded, or null before it is. */
    public UUID getRejectionId() {
        return rejectionId;
    }

    public List<InvalidField> getInvalidFields() {
        return invalidFields;
    }
}
