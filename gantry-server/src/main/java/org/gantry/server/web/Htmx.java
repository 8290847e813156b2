package org.gantry.server.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** The few htmx request facts the controllers need. */
public final class Htmx {

    private Htmx() {}

    public static boolean isHtmx(HttpServletRequest request) {
        return "true".equals(request.getHeader("HX-Request"));
    }

    /** Whether the request being handled on this thread came from htmx. */
    public static boolean isHtmx() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                && isHtmx(attributes.getRequest());
    }
}
