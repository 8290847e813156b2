package org.gantry.server.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP client for the API, acting with one bearer token (or none): JSON in and out, problem bodies
 * read like any other body. {@link GantryApi} gives one to each person a test makes.
 */
public final class ApiClient {

    public static final JsonMapper JSON = JsonMapper.shared();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String baseUrl;
    private final String token;
    private final String forwardedFor;

    public ApiClient(String baseUrl, String token) {
        this(baseUrl, token, null);
    }

    private ApiClient(String baseUrl, String token, String forwardedFor) {
        this.baseUrl = baseUrl;
        this.token = token;
        this.forwardedFor = forwardedFor;
    }

    /**
     * The same client as seen through a reverse proxy on this machine (a trusted proxy by default):
     * every request says, in X-Forwarded-For, that it comes from {@code clientAddress}.
     */
    public ApiClient forwardedFor(String clientAddress) {
        return new ApiClient(baseUrl, token, clientAddress);
    }

    public record Response(int status, JsonNode body, HttpResponse<String> raw) {
        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + raw.body();
        }
    }

    public Response get(String path) {
        return send("GET", path, null);
    }

    public Response post(String path, Object body) {
        return send("POST", path, body);
    }

    public Response patch(String path, Object body) {
        return send("PATCH", path, body);
    }

    public Response put(String path, Object body) {
        return send("PUT", path, body);
    }

    public Response delete(String path) {
        return send("DELETE", path, null);
    }

    /** Sends a body given as a JSON string or as an object (usually a map from {@link #json}). */
    public Response send(String method, String path, Object body) {
        String text = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .method(
                        method,
                        text == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(text))
                .header("Accept", "application/json");
        if (text != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode node = response.body().isBlank() || !response.body().trim().matches("^[\\[{].*")
                    ? tools.jackson.databind.node.MissingNode.getInstance()
                    : JSON.readTree(response.body());
            return new Response(response.statusCode(), node, response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends a body of any content type as it is (null content type: no header). */
    public Response sendRaw(String method, String path, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Accept", "application/json");
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode node = response.body().isBlank() || !response.body().trim().matches("^[\\[{].*")
                    ? tools.jackson.databind.node.MissingNode.getInstance()
                    : JSON.readTree(response.body());
            return new Response(response.statusCode(), node, response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The body of a GET as bytes (a download such as a workbook), whatever its status. */
    public byte[] download(String path) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(baseUrl + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray())
                    .body();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Opens a server-sent-event stream and reads it only up to its first event (or, for an error, the whole
     * problem), then closes it: the status, headers and that text, like any other answer.
     */
    public Response openStream(String path) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().header("Accept", "text/event-stream");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<java.io.InputStream> response =
                    HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            StringBuilder text = new StringBuilder();
            try (var reader = new java.io.BufferedReader(
                    new java.io.InputStreamReader(response.body(), java.nio.charset.StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    if (line.isEmpty() && response.statusCode() == 200 && text.length() > 0) {
                        break;
                    }
                    text.append(line).append('\n');
                }
            }
            String body = text.toString();
            JsonNode node = body.trim().startsWith("{")
                    ? JSON.readTree(body)
                    : tools.jackson.databind.node.MissingNode.getInstance();
            return new Response(response.statusCode(), node, new TextResponse(response, body));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One server-sent event: its name, id and data. */
    public record Event(String name, String id, String data) {}

    /**
     * A server-sent-event stream read on a thread of its own into a queue, until closed. {@code lastEventId}
     * (may be null) is sent as Last-Event-ID, as a browser does when it reconnects.
     */
    public EventStream events(String path, String lastEventId) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().header("Accept", "text/event-stream");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        try {
            HttpResponse<java.io.InputStream> response =
                    HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            return new EventStream(response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static final class EventStream implements AutoCloseable {
        final int status;
        private final java.io.InputStream body;
        private final java.util.concurrent.BlockingQueue<Event> events =
                new java.util.concurrent.LinkedBlockingQueue<>();
        private final java.util.concurrent.CountDownLatch ended = new java.util.concurrent.CountDownLatch(1);

        EventStream(HttpResponse<java.io.InputStream> response) {
            this.status = response.statusCode();
            this.body = response.body();
            Thread reader = new Thread(this::read, "test-event-stream");
            reader.setDaemon(true);
            reader.start();
        }

        private void read() {
            try (var lines = new java.io.BufferedReader(
                    new java.io.InputStreamReader(body, java.nio.charset.StandardCharsets.UTF_8))) {
                String name = "message";
                String id = null;
                StringBuilder data = new StringBuilder();
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.isEmpty()) {
                        if (data.length() > 0 || id != null) {
                            events.add(new Event(name, id, data.toString()));
                        }
                        name = "message";
                        id = null;
                        data.setLength(0);
                    } else if (line.startsWith("event:")) {
                        name = line.substring(6).trim();
                    } else if (line.startsWith("id:")) {
                        id = line.substring(3).trim();
                    } else if (line.startsWith("data:")) {
                        data.append(line.substring(5).trim());
                    }
                }
            } catch (IOException e) {
                // closed
            } finally {
                ended.countDown();
            }
        }

        /** Whether the server ended the stream within the time. */
        boolean endsWithin(java.time.Duration within) throws InterruptedException {
            return ended.await(within.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        }

        /** The next event of this name within the time, skipping others; null if none came. */
        Event next(String name, java.time.Duration within) throws InterruptedException {
            long until = System.nanoTime() + within.toNanos();
            while (true) {
                long left = until - System.nanoTime();
                Event event = left <= 0 ? null : events.poll(left, java.util.concurrent.TimeUnit.NANOSECONDS);
                if (event == null || event.name().equals(name)) {
                    return event;
                }
            }
        }

        @Override
        public void close() {
            try {
                body.close();
            } catch (IOException ignored) {
                // closed anyway
            }
        }
    }

    /** An answer whose body was read as a stream, with the part that was read as its text. */
    private record TextResponse(HttpResponse<?> response, String body) implements HttpResponse<String> {
        @Override
        public int statusCode() {
            return response.statusCode();
        }

        @Override
        public HttpRequest request() {
            return response.request();
        }

        @Override
        public java.util.Optional<HttpResponse<String>> previousResponse() {
            return java.util.Optional.empty();
        }

        @Override
        public java.net.http.HttpHeaders headers() {
            return response.headers();
        }

        @Override
        public java.util.Optional<javax.net.ssl.SSLSession> sslSession() {
            return response.sslSession();
        }

        @Override
        public URI uri() {
            return response.uri();
        }

        @Override
        public HttpClient.Version version() {
            return response.version();
        }
    }

    /** A multipart/form-data upload of one file (part {@code file}) and text fields. */
    public Response upload(String path, String fileName, byte[] content, Map<String, String> fields) {
        String boundary = "gantry-test-" + Long.toHexString(System.nanoTime());
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        java.nio.charset.Charset utf8 = java.nio.charset.StandardCharsets.UTF_8;
        fields.forEach((name, value) -> body.writeBytes(
                ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
                        .getBytes(utf8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(utf8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(utf8));
        return sendRaw("POST", path, "multipart/form-data; boundary=" + boundary, body.toByteArray());
    }

    /** A JSON object from alternating names and values; null values are kept. */
    public static Map<String, Object> json(Object... namesAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }
}
