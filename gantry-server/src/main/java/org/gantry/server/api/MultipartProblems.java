package org.gantry.server.api;

import java.net.URI;
import java.util.List;
import org.gantry.server.shared.FieldProblem;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * An upload that cannot even be taken apart: too large (413), or a multipart body cut short, without a
 * boundary or otherwise broken (400). Spring reads the parts before it knows the handler, so only an
 * advice for every controller sees these; the answer is a problem like every other refusal.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class MultipartProblems {

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ProblemDetail tooLarge(MaxUploadSizeExceededException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.CONTENT_TOO_LARGE,
                "The upload is larger than this server accepts"
                        + (e.getMaxUploadSize() > 0 ? " (" + e.getMaxUploadSize() / (1024 * 1024) + " MB)" : "")
                        + ".");
        problem.setTitle("Upload too large");
        problem.setType(URI.create("about:blank"));
        return problem;
    }

    @ExceptionHandler(MultipartException.class)
    ProblemDetail unreadable(MultipartException e) {
        List<FieldProblem> errors = List.of(new FieldProblem(
                "body", "is not a readable multipart/form-data body (cut short, or without its boundary)"));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, "body " + errors.get(0).message());
        problem.setTitle("Invalid input");
        problem.setType(URI.create("about:blank"));
        problem.setProperty("errors", errors);
        return problem;
    }
}
