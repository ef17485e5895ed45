package org.blended.service.decision;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.blended.rules.application.Application;
import org.blended.rules.assessment.MeasureValue;
import org.springframework.stereotype.Component;

/** Reads back what the rules saw when a decision was made: the application and the lender's measure values. */
@Component
public class StoredInputs {

    private static final TypeReference<List<MeasureValue>> VALUES = new TypeReference<>() {
    };

    private final ObjectMapper json;

    public StoredInputs(ObjectMapper json) {
        this.json = json;
    }

    public Application application(String payload) {
        try {
            return json.readValue(payload, Application.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored application could not be read back", e);
        }
    }

    /** None when the lender had none (or the decision predates their being kept). */
    public List<MeasureValue> lenderValues(String stored) {
        if (stored == null || stored.isBlank()) {
            return List.of();
        }
        try {
            return json.readValue(stored, VALUES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored measure values could not be read back", e);
        }
    }
}
