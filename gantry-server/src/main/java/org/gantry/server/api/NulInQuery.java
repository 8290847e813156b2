package org.gantry.server.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * A NUL character ({@code %00}) in a query parameter is refused with a 400 naming the parameter, before
 * any controller sees it: PostgreSQL cannot compare or store text holding NUL, and a search for
 * {@code q=%00} once answered 409 "conflicting change". JSON bodies are guarded by the JSON set-up.
 */
@Component
class NulInQuery extends OncePerRequestFilter {
    private static final JsonMapper JSON = JsonMapper.shared();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String query = request.getQueryString();
        String field = query == null || !query.contains("%00") ? null : parameterWithNul(query);
        if (field == null) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        java.util.Map<String, Object> problem = new java.util.LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", "Invalid input");
        problem.put("status", 400);
        problem.put("detail", field + " must not contain NUL characters");
        problem.put("instance", request.getRequestURI());
        problem.put(
                "errors",
                java.util.List.of(java.util.Map.of("field", field, "message", "must not contain NUL characters")));
        response.getWriter().write(JSON.writeValueAsString(problem));
    }

    /** The first parameter whose name or value decodes to text holding NUL, or null. */
    static String parameterWithNul(String query) {
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            if (name.indexOf('\0') >= 0 || value.indexOf('\0') >= 0) {
                return name.indexOf('\0') >= 0 ? "query" : name;
            }
        }
        return null;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // A broken escape elsewhere: only NUL is this filter's business.
            return text.replace("%00", "\0");
        }
    }
}
