package org.gantry.server.api;

import java.net.URI;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.gantry.server.identity.BadCredentials;
import org.gantry.server.identity.TooManyLoginFailures;
import org.gantry.server.identity.TwoFactorCodeRequired;
import org.gantry.server.shared.Conflict;
import org.gantry.server.shared.FieldProblem;
import org.gantry.server.shared.Forbidden;
import org.gantry.server.shared.GantryApi;
import org.gantry.server.shared.InvalidInput;
import org.gantry.server.shared.NotFound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Every failure of the API as an RFC 9457 problem. Invalid input is a 400 whose {@code errors} name
 * each field ({@code [{field, message}]}), whether the service found it or the JSON could not even be
 * read; nothing the client sends should produce a 500. It advises every controller marked
 * {@link GantryApi}, whatever feature package it lives in (not by package: controllers sit beside their
 * feature's pages and move with them), so every endpoint answers failures the same way; pages keep
 * their own error handling.
 */
@RestControllerAdvice(annotations = GantryApi.class)
class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    @ExceptionHandler(NotFound.class)
    ProblemDetail notFound(NotFound e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler(Forbidden.class)
    ProblemDetail forbidden(Forbidden e) {
        return problem(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage());
    }

    @ExceptionHandler(Conflict.class)
    ProblemDetail conflict(Conflict e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, e.title(), e.getMessage());
        e.properties().forEach(problem::setProperty);
        return problem;
    }

    @ExceptionHandler(InvalidInput.class)
    ProblemDetail invalid(InvalidInput e) {
        return invalid(e.errors());
    }

    @ExceptionHandler(BadCredentials.class)
    ProblemDetail badCredentials(BadCredentials e) {
        ProblemDetail problem = problem(HttpStatus.UNAUTHORIZED, "Unauthorized", e.getMessage());
        if (e instanceof TwoFactorCodeRequired) {
            problem.setProperty("twoFactorRequired", true);
        }
        return problem;
    }

    @ExceptionHandler(TooManyLoginFailures.class)
    ResponseEntity<ProblemDetail> tooMany(TooManyLoginFailures e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(
                        HttpHeaders.RETRY_AFTER,
                        String.valueOf(Math.max(1, e.retryAfter().toSeconds())))
                .body(problem(HttpStatus.TOO_MANY_REQUESTS, "Too many failed logins", e.getMessage()));
    }

    /**
     * Spring Security's firewall refuses some requests only when a parameter is first read, inside the
     * handler: a form body whose parameter name holds a NUL, say.
     */
    @ExceptionHandler(RequestRejectedException.class)
    ProblemDetail rejected(RequestRejectedException e) {
        return invalid(List.of(new FieldProblem("body", "holds characters the server does not accept (such as NUL)")));
    }

    /** A constraint the services did not foresee, e.g. two requests racing for the same key. */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail integrity(DataIntegrityViolationException e) {
        log.info(
                "Refused a change that breaks a database constraint: {}",
                e.getMostSpecificCause().getMessage());
        return problem(
                HttpStatus.CONFLICT,
                "Conflicting change",
                "The change conflicts with the current data; reload and retry.");
    }

    /**
     * PostgreSQL broke a deadlock or a serialisation conflict by rolling this transaction back: nothing of
     * the change was saved, and the same request sent again succeeds. Writers take the project's lock
     * before touching its rows so this should not happen; if some path still races, the caller is told to
     * retry rather than shown a server error.
     */
    @ExceptionHandler(ConcurrencyFailureException.class)
    ProblemDetail concurrent(ConcurrencyFailureException e) {
        log.warn(
                "A change was rolled back by a concurrent one: {}",
                e.getMostSpecificCause().getMessage());
        return problem(
                HttpStatus.CONFLICT,
                "Conflicting change",
                "Another change to the same data was saved at the same moment, so nothing of this one was saved;"
                        + " send it again.");
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) throws Exception {
        if (e instanceof org.springframework.security.access.AccessDeniedException
                || e instanceof org.springframework.security.core.AuthenticationException) {
            throw e;
        }
        log.error("Unexpected failure", e);
        return problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "Internal error",
                "Something went wrong on the server; it has been logged.");
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldProblem(error.getField(), error.getDefaultMessage()))
                .toList();
        return ResponseEntity.badRequest().body(invalid(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(invalid(List.of(unreadable(ex))));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String name =
                ex instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName() : ex.getPropertyName();
        return ResponseEntity.badRequest()
                .body(invalid(List.of(new FieldProblem(name, "must be " + describe(ex.getRequiredType())))));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException ex,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        return ResponseEntity.badRequest()
                .body(invalid(List.of(new FieldProblem(ex.getParameterName(), "is required"))));
    }

    /** An upload without its file part: a field error like any other missing field. */
    @Override
    protected ResponseEntity<Object> handleMissingServletRequestPart(
            MissingServletRequestPartException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest()
                .body(invalid(List.of(new FieldProblem(ex.getRequestPartName(), "is required"))));
    }

    private static FieldProblem unreadable(HttpMessageNotReadableException ex) {
        Throwable cause = ex.getCause();
        while (cause != null && !(cause instanceof JacksonException)) {
            cause = cause.getCause();
        }
        if (!(cause instanceof JacksonException jackson)) {
            return new FieldProblem("body", "is not valid JSON");
        }
        String field = jackson.getPath().stream()
                .map(reference -> reference.getPropertyName() != null
                        ? "." + reference.getPropertyName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining())
                .replaceFirst("^\\.", "");
        if (field.isEmpty()) {
            return new FieldProblem(
                    "body", cause instanceof StreamReadException ? "is not valid JSON" : "must be a JSON object");
        }
        if (cause instanceof InputCoercionException) {
            return new FieldProblem(field, "is out of range");
        }
        if (cause instanceof StreamReadException) {
            return new FieldProblem(field, "is not valid JSON");
        }
        if (jackson instanceof InvalidFormatException format && format.getTargetType() == String.class) {
            return new FieldProblem(field, "must not contain NUL characters");
        }
        Class<?> target = jackson instanceof InvalidFormatException format
                ? format.getTargetType()
                : jackson instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
        String message = target == null
                ? "has an invalid value"
                        + (jackson.getCause() != null
                                ? ": " + jackson.getCause().getMessage()
                                : "")
                : "must be " + describe(target);
        return new FieldProblem(field, message);
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type.isEnum()) {
            return "one of "
                    + Arrays.stream(type.getEnumConstants())
                            .map(Object::toString)
                            .collect(Collectors.joining(", "));
        }
        if (type == LocalDateTime.class) {
            return "a date and time such as 2026-03-02T08:00";
        }
        if (type == LocalDate.class) {
            return "a date such as 2026-03-02";
        }
        if (type == LocalTime.class) {
            return "a time such as 08:00";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "a date or time";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (List.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object";
        }
        return "a " + type.getSimpleName();
    }

    private static ProblemDetail invalid(List<FieldProblem> errors) {
        ProblemDetail problem = problem(
                HttpStatus.BAD_REQUEST,
                "Invalid input",
                errors.stream().map(e -> e.field() + " " + e.message()).collect(Collectors.joining("; ")));
        problem.setProperty("errors", errors);
        return problem;
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create("about:blank"));
        return problem;
    }
}
