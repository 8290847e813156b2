package org.gantry.server.schedule;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.gantry.server.task.Link;
import org.gantry.server.task.Task;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Adds the reschedule an edit caused to the API's answer: a task or link body gains {@code moved},
 * {@code rescheduled} and {@code rescheduleMillis} (its other fields stay where they were), and every
 * answer gets a {@code Server-Timing: reschedule;dur=...} header (also a 204 after a delete, with
 * {@code Gantry-Moved} listing the ids that moved).
 */
@RestControllerAdvice
class RescheduleReport implements ResponseBodyAdvice<Object>, HandlerInterceptor {

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(
            Object body,
            MethodParameter returnType,
            MediaType contentType,
            Class<? extends HttpMessageConverter<?>> converterType,
            ServerHttpRequest request,
            ServerHttpResponse response) {
        if (!(request instanceof org.springframework.http.server.ServletServerHttpRequest servlet)) {
            return body;
        }
        Rescheduled outcome = (Rescheduled) servlet.getServletRequest().getAttribute(RescheduleOnChange.OUTCOME);
        if (outcome == null) {
            return body;
        }
        response.getHeaders().set("Server-Timing", timing(outcome));
        if (body instanceof Task || body instanceof Link) {
            return new WithSchedule(body, outcome.moved(), outcome.changed(), outcome.millis());
        }
        return body;
    }

    /** After a handler without a body (204): the headers are still ours to set. */
    @Override
    public void postHandle(
            HttpServletRequest request,
            HttpServletResponse response,
            Object handler,
            org.springframework.web.servlet.ModelAndView modelAndView) {
        Rescheduled outcome = (Rescheduled) request.getAttribute(RescheduleOnChange.OUTCOME);
        if (outcome != null && !response.isCommitted() && !response.containsHeader("Server-Timing")) {
            response.setHeader("Server-Timing", timing(outcome));
            StringBuilder ids = new StringBuilder();
            for (MovedTask task : outcome.moved()) {
                ids.append(ids.isEmpty() ? "" : ",").append(task.id());
            }
            response.setHeader("Gantry-Moved", ids.toString());
        }
    }

    private static String timing(Rescheduled outcome) {
        return String.format(
                Locale.ROOT,
                "reschedule;dur=%.2f, reschedule-load;dur=%.2f, reschedule-engine;dur=%.2f, reschedule-store;dur=%.2f",
                outcome.millis(),
                outcome.loadMillis(),
                outcome.engineMillis(),
                outcome.storeMillis());
    }
}
