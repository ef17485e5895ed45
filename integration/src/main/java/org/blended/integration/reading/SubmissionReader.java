package org.blended.integration.reading;

import java.io.IOException;
import java.lang.annotation.ElementType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.blended.integration.submission.InvalidField;
import org.blended.integration.submission.InvalidSubmissionException;
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

    SubmissionReader(ObjectMapper objectMapper, ValidatorFactory validation) {
        ObjectMapper mapper = objectMapper.copy()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                // 1.5 months or people is refused, not silently read as 1
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .addHandler(new FieldProblemCollector())
                .registerModule(new SimpleModule("checked-text").addDeserializer(String.class, new CheckedText()));
        // A list sent as null means the same as a list left out: none (no declines, no outcome areas), as a
        // null optional value means "not given". Lenders' systems write either; the rules see an empty list.
        mapper.configOverride(List.class).setSetterInfo(JsonSetter.Value.forValueNulls(Nulls.AS_EMPTY));
        this.reader = mapper.readerFor(Application.class);
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
            problems.add(new InvalidField("$", "could not be read as JSON"));
        }
        if (application == null && problems.isEmpty()) {
            problems.add(new InvalidField("$", "must be a JSON object describing one application"));
        }
        if (application != null) {
            addViolations(application, problems);
        }
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparing(InvalidField::field).thenComparing(InvalidField::message)); // the same answer every time
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

    /** What Jackson found, in the sender's terms: never its own message, which names Java types and settings. */
    private static InvalidField describe(JacksonException e) {
        // Reading a field wraps what the parser found in a mapping error that knows the field's path.
        JacksonException found = e instanceof JsonMappingException && e.getCause() instanceof JacksonException cause ? cause : e;
        if (found instanceof StreamConstraintsException limit) {
            return new InvalidField("$", JsonProblems.limit(limit));
        }
        if (found instanceof InputCoercionException coercion) {
            JsonParser parser = coercion.getProcessor();
            String field = e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
                    ? FieldProblemCollector.path(mapping.getPath())
                    : parser == null ? "$" : FieldProblemCollector.path(parser.getParsingContext());
            return new InvalidField(field, JsonProblems.outOfRange(coercion));
        }
        if (found instanceof StreamReadException read) {
            var location = read.getLocation();
            return new InvalidField("$", "is not valid JSON: " + JsonProblems.syntax(read.getOriginalMessage())
                    + (location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")"));
        }
        if (e instanceof MismatchedInputException trailing && String.valueOf(trailing.getOriginalMessage()).startsWith("Trailing token")) {
            return new InvalidField("$", "has more after the application; send exactly one JSON object");
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getPath().isEmpty()) {
            return new InvalidField("$", "is empty or not a JSON object; send one application as JSON");
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return new InvalidField(FieldProblemCollector.path(mismatch.getPath()),
                    "must be " + FieldProblemCollector.expected(mismatch.getTargetType()));
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return new InvalidField(FieldProblemCollector.path(mapping.getPath()), "could not be read");
        }
        return new InvalidField("$", "could not be read as an application");
    }
}
