package org.gantry.server.api;

import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.gantry.server.shared.ProblemResponses;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Tomcat refuses some requests before Spring sees them (an encoded NUL in the path, say) and answers
 * with its own HTML error page. Under /api the client expects an RFC 9457 problem like every other
 * refusal, so the host's error report valve writes one there; elsewhere Tomcat's page stays.
 */
@Component
class ProblemErrorReports implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemValve.class.getName());
            }
        });
    }

    /** Tomcat's error report, as a problem document for API paths. */
    public static class ProblemValve extends ErrorReportValve {

        public ProblemValve() {
            setShowServerInfo(false);
            setShowReport(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            String path = request.getCoyoteRequest().requestURI().toString();
            // A request line longer than Tomcat's header limit (8 KB of query string, say) is refused
            // before its path is read, so the path is unknown: it is answered as a problem too, since
            // a page asking for such a URL is as likely to be an API client as a browser.
            boolean unknownPath = path == null || path.isEmpty();
            // Only Tomcat's own refusals: a response the application wrote (a problem already) stays.
            if (status < 400 || response.getContentWritten() > 0 || !(unknownPath || path.startsWith("/api/"))) {
                super.report(request, response, throwable);
                return;
            }
            if (!response.setErrorReported()) {
                return;
            }
            try {
                response.setSuspended(false);
                response.resetBuffer();
                ProblemResponses.write(
                        response,
                        status,
                        status == 400 ? "Bad request" : "Refused",
                        "The request was refused before it reached Gantry: "
                                + (response.getMessage() == null
                                                || response.getMessage().isBlank()
                                        ? "it could not be read."
                                        : response.getMessage()));
                response.finishResponse();
            } catch (IOException | IllegalStateException e) {
                super.report(request, response, throwable);
            }
        }
    }
}
