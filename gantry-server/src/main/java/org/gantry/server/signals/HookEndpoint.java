package org.gantry.server.signals;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import org.gantry.server.identity.ClientAddresses;
import org.gantry.server.shared.GantryApi;
import org.gantry.server.shared.NotFound;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Where git hosts and CI deliver: no session and no CSRF token ({@link HookSecurity}); the signature made
 * with the webhook's secret is the credential. Bodies over {@code gantry.webhook.max-body} are refused
 * with 413 before they are read whole.
 */
@Tag(name = "Webhooks")
@GantryApi
class HookEndpoint {

    private final DeliveryService deliveries;
    private final ClientAddresses clientAddresses;
    private final int maximumBody;

    HookEndpoint(
            DeliveryService deliveries,
            ClientAddresses clientAddresses,
            @Value("${gantry.webhook.max-body:1MB}") DataSize maximumBody) {
        this.deliveries = deliveries;
        this.clientAddresses = clientAddresses;
        this.maximumBody = (int) Math.min(Integer.MAX_VALUE - 8, maximumBody.toBytes());
    }

    /** A body over the limit: 413. */
    static final class TooLarge extends RuntimeException {
        TooLarge(String detail) {
            super(detail);
        }
    }

    @Operation(
            summary = "Receive a delivery of a git host or CI (no login: signed with the webhook's secret)",
            description = "GitHub: X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the body>, X-GitHub-Event,"
                    + " X-GitHub-Delivery. GitLab: X-Gitlab-Token, X-Gitlab-Event, X-Gitlab-Event-UUID. Gitea and"
                    + " Forgejo: X-Gitea-Signature: <hex HMAC-SHA256>, X-Gitea-Event, X-Gitea-Delivery. Generic:"
                    + " X-Gantry-Signature: sha256=<hex>, X-Gantry-Event, X-Gantry-Delivery. 200 stored, duplicate"
                    + " or pong; 202 ignored (an event Gantry does not keep); 401 bad signature; 400 malformed;"
                    + " 404 no such webhook; 413 too large.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(mediaType = "application/json", schema = @Schema(type = "object"))))
    @PostMapping("/api/v1/hooks/{hook}")
    ResponseEntity<DeliveryOutcome> deliver(@PathVariable String hook, HttpServletRequest request) throws IOException {
        if (hook.length() > 64 || !hook.matches("[A-Za-z0-9_-]+")) {
            throw new NotFound("There is no webhook at this address.");
        }
        long declared = request.getContentLengthLong();
        if (declared > maximumBody) {
            throw new TooLarge(tooLarge());
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(maximumBody + 1);
        }
        if (body.length > maximumBody) {
            throw new TooLarge(tooLarge());
        }
        HttpHeaders headers = new HttpHeaders();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.addAll(name, Collections.list(request.getHeaders(name)));
        }
        DeliveryOutcome outcome = deliveries.receive(hook, headers, body, clientAddresses.of(request));
        return ResponseEntity.status("ignored".equals(outcome.result()) ? HttpStatus.ACCEPTED : HttpStatus.OK)
                .body(outcome);
    }

    private String tooLarge() {
        return "A delivery may be at most " + maximumBody + " bytes long.";
    }

    @ExceptionHandler(DeliveryRefused.class)
    ResponseEntity<ProblemDetail> refused(DeliveryRefused e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, e.getMessage());
        problem.setTitle("Unauthorized");
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    @ExceptionHandler(TooLarge.class)
    ResponseEntity<ProblemDetail> tooLarge(TooLarge e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, e.getMessage());
        problem.setTitle("Content too large");
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
