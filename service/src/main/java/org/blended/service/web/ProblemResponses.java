package org.blended.service.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.blended.integration.submission.InvalidField;
import org.blended.integration.submission.InvalidSubmissionException;
import org.blended.integration.submission.NotAssessedException;
import org.blended.integration.submission.TransientIntakeException;
import org.blended.service.decision.ApplicationNotFoundException;
import org.blended.service.database.DatabaseProbe;
import org.blended.service.database.TransientFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.blended.service.security.RefusedRequests;
import org.blended.service.security.body.RequestSizeLimitFilter;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error answers {@code application/problem+json} (RFC 9457): Spring's own for protocol
 * errors (415, 405, ...), ours for invalid applications, missing ones and failures, never a stack trace.
 */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    private final DatabaseProbe database;
    private final RefusedRequests refusals;

    public ProblemResponses(DatabaseProbe database, RefusedRequests refusals) {
        this.database = database;
        this.refusals = refusals;
    }

    @ExceptionHandler(InvalidSubmissionException.class)
    ProblemDetail invalidApplication(InvalidSubmissionException e) {
        List<InvalidField> fields = e.getInvalidFields();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                fields.size() == 1 ? "1 field is invalid: " + fields.get(0)
                        : fields.size() + " fields are invalid; see errors.");
        problem.setTitle("Invalid application");
        problem.setType(URI.create("/problems/invalid-application"));
        if (e.getRejectionId() != null) {
            problem.setProperty("rejectionId", e.getRejectionId());
        }
        problem.setProperty("errors", fields);
        return problem;
    }

    /**
     * A body that cannot be read: over the limit (a chunked body is only measured while Spring reads
     * it), missing, or not readable at all. Said in the sender's terms, not the reader's.
     */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof RequestSizeLimitFilter.BodyTooLargeException) {
                ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
                        "The request body is over the size limit; send many applications as a batch (POST /api/v1/batches).");
                problem.setTitle("Request too large");
                return handleExceptionInternal(ex, problem, headers, HttpStatus.PAYLOAD_TOO_LARGE, request);
            }
        }
        boolean empty = String.valueOf(ex.getMessage()).startsWith("Required request body is missing");
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, empty
                ? "The body is empty." : "The body cannot be read as the JSON this request takes.");
        problem.setTitle(empty ? "Empty body" : "Unreadable body");
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    /** Which content types the endpoint takes, and what was sent. */
    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException ex, HttpHeaders headers,
                                                                     HttpStatusCode status, WebRequest request) {
        String supported = ex.getSupportedMediaTypes().stream().map(MediaType::toString).distinct()
                .collect(java.util.stream.Collectors.joining(" or "));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "The body must be sent as "
                + (supported.isEmpty() ? "JSON" : supported) + "; it was sent " + (ex.getContentType() == null
                ? "without a usable Content-Type" : "as " + ex.getContentType().getType() + "/" + ex.getContentType().getSubtype()) + ".");
        problem.setTitle("Unsupported content type");
        return handleExceptionInternal(ex, problem, headers, HttpStatus.UNSUPPORTED_MEDIA_TYPE, request);
    }

    /**
     * Every refusal Spring MVC makes of a request passes here: one of a lender's submissions
     * (a POST to the intake) is recorded as a rejection, and the answer names it.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem && statusCode.is4xxClientError()
                && request instanceof ServletWebRequest servlet) {
            refusals.refused(servlet.getRequest(), problem.getDetail()).ifPresent(id -> problem.setProperty("rejectionId", id));
        }
        return response;
    }

    /** A body declared multipart that is not (no boundary, cut short): the sender's fault, not ours. */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Object> unreadableMultipart(MultipartException e, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The body is declared as "
                + "multipart/form-data but cannot be read as such (is the boundary missing?).");
        problem.setTitle("Unreadable body");
        return handleExceptionInternal(e, problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
    }

    /** Lists every invalid field of a request body, like an invalid application. */
    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ex.getBody();
        problem.setDetail(ex.getFieldErrorCount() + " field(s) are invalid; see errors.");
        problem.setProperty("errors", ex.getFieldErrors().stream()
                .map(f -> new InvalidField(f.getField(), String.valueOf(f.getDefaultMessage()))).toList());
        return ResponseEntity.badRequest().body(problem);
    }

    /**
     * A request parameter out of its range ({@code @Min}/{@code @Max} on a {@code @RequestParam}, checked
     * by Spring MVC itself: a controller must not be {@code @Validated}, or a proxy checks it and
     * the failure ends as a 500). Names each parameter, its allowed range and what was sent.
     */
    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        if (ex.isForReturnValue()) {
            return super.handleHandlerMethodValidationException(ex, headers, status, request);
        }
        List<InvalidField> errors = new ArrayList<>();
        for (ParameterValidationResult result : ex.getParameterValidationResults()) {
            MethodParameter parameter = result.getMethodParameter();
            String allowed = allowedRange(parameter);
            for (MessageSourceResolvable error : result.getResolvableErrors()) {
                errors.add(new InvalidField(parameterName(parameter),
                        (allowed != null ? allowed : error.getDefaultMessage()) + "; it was " + result.getArgument()));
            }
        }
        ProblemDetail problem = ex.getBody();
        problem.setTitle("Invalid request parameter");
        problem.setDetail(errors.size() == 1 ? "Request parameter " + errors.get(0).field() + " " + errors.get(0).message() + "."
                : errors.size() + " request parameters are invalid; see errors.");
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    private static String parameterName(MethodParameter parameter) {
        RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
        return param != null && !param.name().isEmpty() ? param.name() : parameter.getParameterName();
    }

    /** "must be between 1 and 500" from @Min(1) @Max(500); null when the parameter has neither. */
    private static String allowedRange(MethodParameter parameter) {
        Min min = parameter.getParameterAnnotation(Min.class);
        Max max = parameter.getParameterAnnotation(Max.class);
        if (min != null && max != null) {
            return "must be between " + min.value() + " and " + max.value();
        }
        return min != null ? "must be at least " + min.value() : max != null ? "must be at most " + max.value() : null;
    }

    @ExceptionHandler(ApplicationNotFoundException.class)
    ProblemDetail notFound(ApplicationNotFoundException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Application not found");
        return problem;
    }

    /**
     * 503, not 4xx: the application is valid and the fault is ours (the rule set could not finish),
     * and it passes once the rule set is put right; not 500 either, which says "unexpected". No
     * Retry-After: sending it again at once meets the same rule set.
     */
    @ExceptionHandler(NotAssessedException.class)
    ResponseEntity<ProblemDetail> notAssessed(NotAssessedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The application was not assessed: " + e.getMessage() + ". This is a fault on our side, not in the "
                        + "application; it is recorded as rejection " + e.getRejectionId() + ". Nothing was decided under "
                        + "its reference: send it again once the rule set is put right.");
        problem.setTitle("Not assessed");
        problem.setType(URI.create("/problems/not-assessed"));
        problem.setProperty("rejectionId", e.getRejectionId());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(problem);
    }

    @ExceptionHandler(TransientIntakeException.class)
    ResponseEntity<ProblemDetail> unavailable(TransientIntakeException e) {
        log.warn("Request refused for now: {}", e.getMessage());
        return unavailable("The service cannot store decisions at the moment; nothing was stored. Send the same request "
                + "again shortly: a reference already decided is never decided twice.");
    }

    /** Retry-After: a client may send the same request again; a submission is never decided twice. */
    private static ResponseEntity<ProblemDetail> unavailable(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
        problem.setTitle("Temporarily unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5").body(problem);
    }

    /** What failed is logged under a reference, and only the reference is told: the detail is for us. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        // The database unreachable or busy, met anywhere (a read, a what-if, an admin call): 503, not 500.
        if (TransientFailures.isTransient(e, database)) {
            log.warn("Request refused for now: {}", e.toString());
            return unavailable("The service's database is unreachable or busy at the moment; nothing was stored. Send "
                    + "the same request again shortly.");
        }
        String reference = UUID.randomUUID().toString();
        log.error("Request failed (reference {})", reference, e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "The request could not be completed; nothing was stored. Try again, and if it fails again tell us the "
                        + "reference " + reference + ".");
        problem.setTitle("Internal error");
        problem.setProperty("reference", reference);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(problem);
    }
}
