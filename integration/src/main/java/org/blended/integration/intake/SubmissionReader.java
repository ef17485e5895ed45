package org.blended.integration.intake;

import java.io.IOException;
import java.lang.annotation.ElementType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.blended.rules.application.Application;
import org.springframework.stereotype.Component;

/**
 * Turns the bytes of a submission into an {@link Application}, or refuses it listing every
 * offending field: malformed JSON, unknown fields, values of the wrong type or outside the
 * allowed set, and every Bean Validation constraint of the fact model. The same reader serves
 * every channel so that a file, a message and a REST call are judged alike.
 */
@Component
public class SubmissionReader {

    private final ObjectReader reader;
    private final Validator validator;

    public SubmissionReader(ObjectMapper objectMapper, ValidatorFactory validation) {
        this.reader = objectMapper.copy()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .addHandler(new FieldProblemCollector())
                .readerFor(Application.class);
        // An application is no JPA entity: with JPA present, the default resolver asks the persistence
        // provider whether every property of every nested object is loaded, a sizeable share of intake time.
        this.validator = validation.usingContext().traversableResolver(new EverythingReachable()).getValidator();
    }

    /** Every property of an application is plain data, always there to validate. */
    private static final class EverythingReachable implements TraversableResolver {
        @Override
        public boolean isReachable(Object bean, Path.Node property, Class<?> rootType, Path path, ElementType type) {
            return true;
        }

        @Override
        public boolean isCascadable(Object bean, Path.Node property, Class<?> rootType, Path path, ElementType type) {
            return true;
        }
    }

    public Application read(byte[] payload) {
        List<InvalidField> problems = new ArrayList<>();
        Application application = null;
        try {
            application = reader.withAttribute(FieldProblemCollector.PROBLEMS, problems).readValue(payload);
        } catch (JacksonException e) {
            problems.add(describe(e));
        } catch (IOException e) {
            problems.add(new InvalidField("$", "could not be read: " + e.getMessage()));
        }
        if (application == null && problems.isEmpty()) {
            problems.add(new InvalidField("$", "must be a JSON object describing one application"));
        }
        if (application != null) {
            addViolations(application, problems);
        }
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparing(InvalidField::field));
            throw new InvalidSubmissionException(problems);
        }
        return application;
    }

    private void addViolations(Application application, List<InvalidField> problems) {
        // A field Jackson already refused was set to null; do not also report it as missing.
        Set<String> alreadyReported = new java.util.HashSet<>();
        problems.forEach(p -> alreadyReported.add(p.field()));
        for (ConstraintViolation<Application> violation : validator.validate(application)) {
            String field = path(violation.getPropertyPath());
            if (!alreadyReported.contains(field)) {
                problems.add(new InvalidField(field, violation.getMessage()));
            }
        }
    }

    /** "financials.years[0].income" rather than Hibernate Validator's internal node names. */
    static String path(Path propertyPath) {
        StringBuilder path = new StringBuilder();
        for (Path.Node node : propertyPath) {
            if (node.isInIterable()) {
                path.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
            }
            String name = node.getName();
            if (name != null && !name.startsWith("<")) {
                path.append(path.isEmpty() ? "" : ".").append(name);
            }
        }
        return path.isEmpty() ? "$" : path.toString();
    }

    private static InvalidField describe(JacksonException e) {
        if (e instanceof JsonParseException parse) {
            var location = parse.getLocation();
            return new InvalidField("$", "is not valid JSON: " + parse.getOriginalMessage()
                    + " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")");
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getPath().isEmpty()) {
            return new InvalidField("$", "is empty or not a JSON object; send one application as JSON");
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return new InvalidField(FieldProblemCollector.path(mapping.getPath()), mapping.getOriginalMessage());
        }
        return new InvalidField("$", e.getOriginalMessage());
    }
}
