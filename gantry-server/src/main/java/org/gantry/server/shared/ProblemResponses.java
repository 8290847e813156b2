package org.gantry.server.shared;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Problem documents written where no controller or Jackson is involved: security filters, and Tomcat
 * refusing a request it cannot parse ({@code api.ProblemErrorReports}).
 */
public final class ProblemResponses {

    private ProblemResponses() {}

    public static void write(HttpServletResponse response, int status, String title, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter()
                .write("{\"type\":\"about:blank\",\"title\":\"" + escape(title) + "\",\"status\":" + status
                        + ",\"detail\":\"" + escape(detail) + "\"}");
    }

    private static String escape(String text) {
        StringBuilder escaped = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> escaped.append("\\\"");
                case '\\' -> escaped.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        escaped.append(String.format("\\u%04x", (int) c));
                    } else {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }
}
