package org.gantry.server.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.stream.Collectors;
import org.gantry.server.shared.Conflict;
import org.gantry.server.shared.Forbidden;
import org.gantry.server.shared.InvalidInput;
import org.gantry.server.shared.NotFound;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Failures the page controllers do not handle themselves. A full page request gets the error page; an
 * htmx request gets a message in the page's flash area (retargeted), so the page the person is working
 * in stays as it is. Scoped to the page controllers marked {@link ShellPage}: the REST API keeps its
 * problem documents. Other page controllers answer through {@link #refusal}.
 */
@ControllerAdvice(annotations = ShellPage.class)
public class PageProblems {

    /**
     * A refusal (not found, forbidden, conflict) in words, as the shell pages answer it: for a page
     * controller of another feature package to return from its own {@code @ExceptionHandler}.
     */
    public static String refusal(
            RuntimeException e, HttpServletRequest request, HttpServletResponse response, Model model) {
        if (e instanceof NotFound) {
            return show(HttpStatus.NOT_FOUND, "Not found", e.getMessage(), request, response, model);
        }
        if (e instanceof Forbidden) {
            return show(HttpStatus.FORBIDDEN, "Not allowed", e.getMessage(), request, response, model);
        }
        String title = e instanceof Conflict conflict ? conflict.title() : "Cannot do that";
        return show(HttpStatus.CONFLICT, title, e.getMessage(), request, response, model);
    }

    @ExceptionHandler({NotFound.class, Forbidden.class, Conflict.class})
    String refused(RuntimeException e, HttpServletRequest request, HttpServletResponse response, Model model) {
        return refusal(e, request, response, model);
    }

    @ExceptionHandler(InvalidInput.class)
    String invalid(InvalidInput e, HttpServletRequest request, HttpServletResponse response, Model model) {
        String detail = e.errors().stream()
                .map(problem -> Labels.field(problem.field()) + ": " + problem.message())
                .collect(Collectors.joining("; "));
        return show(HttpStatus.BAD_REQUEST, "Please check your input", detail, request, response, model);
    }

    private static String show(
            HttpStatus status,
            String title,
            String detail,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        model.addAttribute("status", status.value());
        model.addAttribute("title", title);
        model.addAttribute("detail", detail);
        if (Htmx.isHtmx(request)) {
            response.setHeader("HX-Retarget", "#flash");
            response.setHeader("HX-Reswap", "innerHTML");
            // 200: Chromium logs every 4xx answer as a console error; the message itself says what failed.
            return "fragments/flash :: message";
        }
        response.setStatus(status.value());
        return "error-page";
    }
}
