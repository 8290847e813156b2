package org.gantry.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gantry.server.api.ApiClient.json;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.gantry.server.api.ApiClient.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The built jar stopped the way a service manager stops it (SIGTERM) while a request is still arriving:
 * the request is finished and answered before the server exits. The server runs with JSON logs on, as an
 * operator shipping logs to a collector would run it.
 */
class ServerStopIT {

    private static final String ADMIN_EMAIL = "stop-admin@gantry.test";
    private static final String ADMIN_PASSWORD = "stop-test-admin-passphrase";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dataFolder;

    @Test
    void aStopFinishesTheRequestInFlightAndTheLogIsJsonWhenAskedFor() throws Exception {
        try (GantryJar jar = new GantryJar(dataFolder, "server-stop")) {
            jar.start(Map.of(
                    "GANTRY_ADMIN_EMAIL", ADMIN_EMAIL,
                    "GANTRY_ADMIN_PASSWORD", ADMIN_PASSWORD,
                    "LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs"));
            Response tokenResponse = jar.api(null)
                    .post(
                            "/api/v1/auth/tokens",
                            json("email", ADMIN_EMAIL, "password", ADMIN_PASSWORD, "name", "stop test"));
            assertThat(tokenResponse.status()).as(tokenResponse.toString()).isEqualTo(201);
            String token = tokenResponse.body().get("token").asString();
            Response project = jar.api(token).post("/api/v1/projects", json("key", "STOP", "name", "Stop test"));
            assertThat(project.status()).as(project.toString()).isEqualTo(201);

            // A create whose body arrives in two halves, the stop signal in between (a plain socket, so
            // the request line and headers are surely sent before the stop).
            byte[] first = "{\"name\": \"Created while the server".getBytes(StandardCharsets.UTF_8);
            byte[] rest = " stopped\", \"duration\": \"2d\"}".getBytes(StandardCharsets.UTF_8);
            String response;
            try (Socket socket =
                    new Socket("localhost", Integer.parseInt(jar.baseUrl().replaceAll(".*:", "")))) {
                socket.setSoTimeout(60_000);
                OutputStream out = socket.getOutputStream();
                out.write(("POST /api/v1/projects/STOP/tasks HTTP/1.1\r\nHost: localhost\r\n"
                                + "Authorization: Bearer " + token + "\r\nContent-Type: application/json\r\n"
                                + "Content-Length: " + (first.length + rest.length) + "\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.write(first);
                out.flush();
                Thread.sleep(1_500); // the request is being read by a controller now
                jar.signalStop();
                Thread.sleep(1_500);
                out.write(rest);
                out.flush();
                response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            }
            assertThat(response).as(response).startsWith("HTTP/1.1 201");
            assertThat(response).contains("\"name\":\"Created while the server stopped\"");
            jar.awaitExit();

            List<String> lines =
                    jar.serverLog().lines().filter(line -> line.startsWith("{")).toList();
            assertThat(lines).as("JSON log lines").hasSizeGreaterThan(10);
            JsonNode firstLine = JSON.readTree(lines.get(0));
            assertThat(firstLine.has("@timestamp")).as(lines.get(0)).isTrue();
            assertThat(firstLine.get("log").get("level").asString()).isNotBlank();
            assertThat(lines.stream()
                            .map(line -> JSON.readTree(line).get("message").asString()))
                    .anyMatch(message -> message.contains("Commencing graceful shutdown"))
                    .anyMatch(message -> message.contains("Graceful shutdown complete"));
            assertThat(jar.postmaster())
                    .as("the database stopped with the server")
                    .isEmpty();
        }
    }
}
