package org.gantry.server.api;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Requests under /api that match no endpoint (or not with this method) get problem documents too.
 * Other paths are left to the pages' own error handling: rethrowing the same exception hands it on.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class UnmappedApiPaths {

    @ExceptionHandler(NoResourceFoundException.class)
    ProblemDetail noSuchPath(NoResourceFoundException e, HttpServletRequest request) throws NoResourceFoundException {
        if (!isApi(request)) {
            throw e;
        }
        return problem(
                HttpStatus.NOT_FOUND,
                "Not found",
                "There is no API endpoint " + request.getRequestURI() + ".",
                request);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ProblemDetail wrongMethod(HttpRequestMethodNotSupportedException e, HttpServletRequest request)
            throws HttpRequestMethodNotSupportedException {
        if (!isApi(request)) {
            throw e;
        }
        return problem(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed", e.getMessage(), request);
    }

    /**
     * A multipart-only endpoint (an import) asked with another body type: Spring finds no endpoint for
     * that type, so no controller's own handling applies.
     */
    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ProblemDetail wrongBodyType(HttpMediaTypeNotSupportedException e, HttpServletRequest request)
            throws HttpMediaTypeNotSupportedException {
        if (!isApi(request)) {
            throw e;
        }
        return problem(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "Unsupported media type",
                "This endpoint takes " + e.getSupportedMediaTypes() + ", not " + e.getContentType() + ".",
                request);
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ProblemDetail unacceptable(HttpMediaTypeNotAcceptableException e, HttpServletRequest request)
            throws HttpMediaTypeNotAcceptableException {
        if (!isApi(request)) {
            throw e;
        }
        return problem(
                HttpStatus.NOT_ACCEPTABLE,
                "Not acceptable",
                "This endpoint answers with " + e.getSupportedMediaTypes() + ".",
                request);
    }

    private static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create("about:blank"));
        problem.setInstance(URI.create(request.getRequestURI()));
        return problem;
    }
}
