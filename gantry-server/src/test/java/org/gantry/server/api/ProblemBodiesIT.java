package org.gantry.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gantry.server.api.ApiClient.json;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gantry.server.api.ApiClient.Response;
import org.gantry.server.shared.GantryApi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * The bodies of the API's refusals, operation by operation of the server's own OpenAPI document: every
 * {@code /api/v1} operation answers an unknown project or id with a 404 problem, every write answers a
 * body it cannot read (broken JSON, a value of the wrong type, an upload without its file) and every
 * path id that is no number with a 400 problem naming the field, and a stale schedule change or status
 * date is a 409 that carries the current state. A problem here is {@code application/problem+json} with
 * the response's status, a title and a detail, and for a 400 the {@code errors} ({@code field},
 * {@code message}). Whatever package a controller lives in, it answers this way; none answers a 500.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProblemBodiesIT extends ApiIntegrationTest {
    private static final String UNKNOWN_PROJECT = "NOSUCH9";
    private static final String UNKNOWN_ID = "987654321";
    private static final JsonNode NO_SPEC = MissingNode.getInstance();
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{(\\w+)}");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlers;

    record Operation(String method, String path, JsonNode spec) {
        boolean writes() {
            return !method.equals("GET");
        }

        boolean takesJson() {
            return spec.path("requestBody").path("content").has("application/json");
        }

        boolean takesUpload() {
            return spec.path("requestBody").path("content").has("multipart/form-data");
        }

        List<String> pathParameters() {
            List<String> names = new ArrayList<>();
            Matcher parameter = PATH_PARAMETER.matcher(path);
            while (parameter.find()) {
                names.add(parameter.group(1));
            }
            return names;
        }

        /**
         * An incoming webhook delivery is read as raw bytes and checked against its signature before
         * anything parses it: a broken body there is refused as unsigned (401) or unknown (404), not as JSON.
         */
        boolean readsRawBody() {
            return path.startsWith("/api/v1/hooks/");
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private JsonNode schemas;
    private List<Operation> operations;
    private String project;
    private long taskId;
    private long commentId;
    private long expenseId;
    private long raidEntryId;
    private long riskId;

    @BeforeAll
    void readTheDocumentAndMakeAProject() {
        JsonNode document = anonymous().get("/api/docs/openapi.json").body();
        schemas = document.path("components").path("schemas");
        operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            if (!path.getKey().startsWith("/api/v1/")) {
                continue;
            }
            for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
                String verb = method.getKey().toUpperCase(Locale.ROOT);
                if (List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(verb)) {
                    operations.add(new Operation(verb, path.getKey(), method.getValue()));
                }
            }
        }
        assertThat(operations).as("operations in the OpenAPI document").hasSizeGreaterThan(100);
        project = newKey();
        Response created = admin().post("/api/v1/projects", json("key", project, "name", "Problems " + project));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        taskId = createTask(admin(), project, json("name", "Survey the site", "duration", "2d"))
                .get("id")
                .asLong();
        Response comment =
                admin().post("/api/v1/projects/" + project + "/tasks/" + taskId + "/comments", json("body", "Booked"));
        assertThat(comment.status()).as(comment.toString()).isEqualTo(201);
        commentId = comment.body().get("id").asLong();
        Response expense = admin().post(
                        "/api/v1/projects/" + project + "/expenses",
                        json("date", "2026-03-02", "amount", "12.50", "note", "Site visit"));
        assertThat(expense.status()).as(expense.toString()).isEqualTo(201);
        expenseId = expense.body().get("id").asLong();
        raidEntryId = created(admin().post(
                                "/api/v1/projects/" + project + "/raid",
                                json("type", "ISSUE", "title", "Site flooded")))
                .get("id")
                .asLong();
        riskId = created(admin().post(
                                "/api/v1/projects/" + project + "/risks",
                                json("title", "Rain", "probability", 2, "impact", 3)))
                .get("id")
                .asLong();
    }

    @Test
    void everyApiControllerIsMarkedForTheProblemMapping() {
        List<String> unmarked = new ArrayList<>();
        handlers.getHandlerMethods().forEach((mapping, method) -> {
            boolean api = mapping.getPatternValues().stream().anyMatch(pattern -> pattern.startsWith("/api/v1"));
            if (api && !AnnotatedElementUtils.hasAnnotation(method.getBeanType(), GantryApi.class)) {
                unmarked.add(method.getBeanType().getSimpleName() + " " + mapping.getPatternValues());
            }
        });
        assertThat(unmarked).as("controllers of /api/v1 without @GantryApi").isEmpty();
    }

    @Test
    void anUnknownProjectIsA404ProblemOnEveryOperationOfAProject() {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Operation operation : operations) {
            if (!operation.pathParameters().contains("project")) {
                continue;
            }
            checked++;
            String path = fill(operation, UNKNOWN_PROJECT, UNKNOWN_ID);
            check(operation, send(operation, path, emptyBody(operation)), 404, failures);
        }
        assertThat(checked).isGreaterThan(100);
        assertThat(failures).as(String.join("\n", failures)).isEmpty();
    }

    @Test
    void anUnknownIdIsA404ProblemOnEveryOperationThatNamesOne() {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Operation operation : operations) {
            List<String> ids = new ArrayList<>(operation.pathParameters());
            ids.removeAll(List.of("project", "slot"));
            if (ids.isEmpty()) {
                continue;
            }
            checked++;
            String path = fill(operation, project, UNKNOWN_ID);
            check(operation, send(operation, path, emptyBody(operation)), 404, failures);
        }
        assertThat(checked).isGreaterThan(60);
        assertThat(failures).as(String.join("\n", failures)).isEmpty();
    }

    @Test
    void brokenJsonIsA400ProblemNamingTheBody() {
        List<String> failures = new ArrayList<>();
        for (Operation operation : operations) {
            if (!operation.takesJson() || operation.readsRawBody()) {
                continue;
            }
            // Cut short inside a value: the problem names the field where the JSON broke off.
            Response response = admin().sendRaw(
                            operation.method(),
                            fill(operation, project, UNKNOWN_ID),
                            "application/json",
                            "{\"name\": \"cut".getBytes(StandardCharsets.UTF_8));
            check(operation, response, 400, failures);
        }
        assertThat(failures).as(String.join("\n", failures)).isEmpty();
    }

    @Test
    void aValueOfTheWrongTypeIsA400ProblemNamingTheField() {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Operation operation : operations) {
            if (!operation.takesJson() || operation.readsRawBody()) {
                continue;
            }
            JsonNode schema = resolve(operation
                    .spec()
                    .path("requestBody")
                    .path("content")
                    .path("application/json")
                    .path("schema"));
            Map.Entry<String, String> wrong = wrongValue(schema);
            if (wrong == null) {
                continue;
            }
            checked++;
            Response response = admin().sendRaw(
                            operation.method(),
                            fill(operation, project, UNKNOWN_ID),
                            "application/json",
                            ("{\"" + wrong.getKey() + "\": " + wrong.getValue() + "}")
                                    .getBytes(StandardCharsets.UTF_8));
            if (check(operation, response, 400, failures)) {
                expectField(operation, response, wrong.getKey(), failures);
            }
        }
        assertThat(checked).isGreaterThan(40);
        assertThat(failures).as(String.join("\n", failures)).isEmpty();
    }

    @Test
    void aPathIdThatIsNoNumberIsA400ProblemNamingIt() {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Operation operation : operations) {
            for (JsonNode parameter : operation.spec().path("parameters")) {
                if (!"path".equals(parameter.path("in").asString())
                        || !"integer"
                                .equals(resolve(parameter.path("schema"))
                                        .path("type")
                                        .asString())) {
                    continue;
                }
                String name = parameter.path("name").asString();
                checked++;
                String path = replaceParameter(operation, name, "twelve");
                Response response = send(operation, path, emptyBody(operation));
                if (check(operation, response, 400, failures)) {
                    expectField(operation, response, name, failures);
                }
            }
        }
        assertThat(checked).isGreaterThan(60);
        assertThat(failures).as(String.join("\n", failures)).isEmpty();
    }

    @Test
    void anUploadWithoutItsFileIsA400ProblemNamingTheFile() {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Operation operation : operations) {
            if (!operation.takesUpload()) {
                continue;
            }
            checked++;
            String boundary = "problems";
            byte[] body = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nno file\r\n--"
                            + boundary + "--\r\n")
                    .getBytes(StandardCharsets.UTF_8);
            // Real rows to attach to: the upload itself is what is wrong.
            String path = fill(operation, project, UNKNOWN_ID)
                    .replace("/tasks/" + UNKNOWN_ID, "/tasks/" + taskId)
                    .replace("/comments/" + UNKNOWN_ID, "/comments/" + commentId)
                    .replace("/expenses/" + UNKNOWN_ID, "/expenses/" + expenseId)
                    .replace("/raid/" + UNKNOWN_ID, "/raid/" + raidEntryId)
                    .replace("/risks/" + UNKNOWN_ID, "/risks/" + riskId);
            Response response =
                    admin().sendRaw(operation.method(), path, "multipart/form-data; boundary=" + boundary, body);
            if (check(operation, response, 400, failures)) {
                expectField(operation, response, "file", failures);
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(4);
        assertThat(failures).as(String.join("\n", failures)).isEmpty();
    }

    @Test
    void aStaleScheduleChangeIsA409WithTheTaskAsItIsNow() {
        JsonNode task = createTask(admin(), project, json("name", "Pour the foundations", "duration", "3d"));
        String schedule =
                "/api/v1/projects/" + project + "/tasks/" + task.get("id").asLong() + "/schedule";
        int version = task.get("version").asInt();
        Response first = admin().patch(schedule, json("deadline", "2026-09-30T17:00", "version", version));
        assertThat(first.status()).as(first.toString()).isEqualTo(200);

        Response stale = admin().patch(schedule, json("deadline", "2026-10-30T17:00", "version", version));

        List<String> failures = new ArrayList<>();
        check(new Operation("PATCH", schedule, NO_SPEC), stale, 409, failures);
        assertThat(failures).as(String.join("\n", failures)).isEmpty();
        JsonNode current = stale.body().get("current");
        assertThat(current).as(stale.toString()).isNotNull();
        assertThat(current.get("id").asLong()).isEqualTo(task.get("id").asLong());
        assertThat(current.get("version").asInt()).isEqualTo(version + 1);
        assertThat(stale.body().get("detail").asString()).contains("changed by someone else");
    }

    @Test
    void aStaleStatusDateIsA409WithTheProjectAsItIsNow() {
        String key = newKey();
        Response created = admin().post("/api/v1/projects", json("key", key, "name", "Status " + key));
        int version = created.body().get("version").asInt();
        String statusDate = "/api/v1/projects/" + key + "/status-date";
        Response first = admin().put(statusDate, json("statusDate", "2026-03-06T17:00", "version", version));
        assertThat(first.status()).as(first.toString()).isEqualTo(200);

        Response stale = admin().put(statusDate, json("statusDate", "2026-03-13T17:00", "version", version));

        List<String> failures = new ArrayList<>();
        check(new Operation("PUT", statusDate, NO_SPEC), stale, 409, failures);
        assertThat(failures).as(String.join("\n", failures)).isEmpty();
        JsonNode current = stale.body().get("current");
        assertThat(current).as(stale.toString()).isNotNull();
        assertThat(current.get("key").asString()).isEqualTo(key);
        assertThat(current.get("version").asInt()).isEqualTo(version + 1);
    }

    @Test
    void importingUnderATakenKeyIsA409ProblemAndCreatesNothing() {
        byte[] plan = admin().get("/api/v1/projects/" + project + "/export?format=mspdi")
                .raw()
                .body()
                .getBytes(StandardCharsets.UTF_8);
        int before =
                admin().get("/api/v1/projects?size=500").body().path("total").asInt();

        Response taken = admin().upload("/api/v1/projects/import?key=" + project, "plan.xml", plan, Map.of());

        List<String> failures = new ArrayList<>();
        check(new Operation("POST", "/api/v1/projects/import", NO_SPEC), taken, 409, failures);
        assertThat(failures).as(String.join("\n", failures)).isEmpty();
        assertThat(taken.body().get("detail").asString()).contains(project);
        assertThat(admin().get("/api/v1/projects?size=500").body().path("total").asInt())
                .isEqualTo(before);
    }

    @Test
    void aLinkThatClosesALoopIsA409ProblemNamingTheLoop() {
        long first =
                createTask(admin(), project, json("name", "Loop A")).get("id").asLong();
        long second =
                createTask(admin(), project, json("name", "Loop B")).get("id").asLong();
        String links = "/api/v1/projects/" + project + "/links";
        assertThat(admin().post(links, json("predecessorId", first, "successorId", second))
                        .status())
                .isEqualTo(201);

        Response loop = admin().post(links, json("predecessorId", second, "successorId", first));

        List<String> failures = new ArrayList<>();
        check(new Operation("POST", links, NO_SPEC), loop, 409, failures);
        assertThat(failures).as(String.join("\n", failures)).isEmpty();
        assertThat(loop.body().toString()).contains("Loop A").contains("Loop B");
    }

    // ----- requests -----

    private Response send(Operation operation, String path, byte[] body) {
        if (operation.takesUpload()) {
            return admin().upload(path, "plan.csv", "Name\nA\n".getBytes(StandardCharsets.UTF_8), Map.of());
        }
        return body == null
                ? admin().send(operation.method(), path, null)
                : admin().sendRaw(operation.method(), path, "application/json", body);
    }

    /**
     * For an operation that takes JSON, an object with just what is checked before the row is looked up:
     * a {@code version} and any date (a week to submit, say); no body for the others.
     */
    private byte[] emptyBody(Operation operation) {
        if (!operation.takesJson()) {
            return null;
        }
        JsonNode schema = resolve(operation
                .spec()
                .path("requestBody")
                .path("content")
                .path("application/json")
                .path("schema"));
        List<String> fields = new ArrayList<>();
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            JsonNode type = resolve(property.getValue());
            if (property.getKey().equals("version")) {
                fields.add("\"version\": 0");
            } else if (type.path("format").asString("").equals("date")) {
                fields.add("\"" + property.getKey() + "\": \"2026-03-02\"");
            }
        }
        return ("{" + String.join(", ", fields) + "}").getBytes(StandardCharsets.UTF_8);
    }

    /** The operation's path with the project and every id filled in, and its required query parameters. */
    private String fill(Operation operation, String projectKey, String id) {
        String path = operation.path();
        for (String name : operation.pathParameters()) {
            String value =
                    switch (name) {
                        case "project" -> projectKey;
                        case "slot" -> "1";
                        case "key" -> "no_such_status";
                        case "hook", "secret", "token" -> "no-such-" + name;
                        default -> id;
                    };
            path = path.replace("{" + name + "}", value);
        }
        return path + requiredQuery(operation);
    }

    private String replaceParameter(Operation operation, String name, String value) {
        String path = operation.path().replace("{" + name + "}", value);
        Operation other = new Operation(operation.method(), path, operation.spec());
        return fill(other, project, UNKNOWN_ID);
    }

    private String requiredQuery(Operation operation) {
        List<String> pairs = new ArrayList<>();
        for (JsonNode parameter : operation.spec().path("parameters")) {
            if (!"query".equals(parameter.path("in").asString())
                    || !parameter.path("required").asBoolean(false)) {
                continue;
            }
            JsonNode schema = resolve(parameter.path("schema"));
            String value = schema.has("enum")
                    ? schema.get("enum").get(0).asString()
                    : switch (schema.path("type").asString("string")) {
                        case "integer", "number" -> "1";
                        case "boolean" -> "true";
                        case "array" -> "1";
                        default ->
                            switch (schema.path("format").asString("")) {
                                case "date" -> "2026-03-02";
                                case "date-time" -> "2026-03-02T08:00";
                                default -> "x";
                            };
                    };
            String name = parameter.path("name").asString();
            pairs.add(name + "=" + (name.equals("format") ? "pdf" : value));
        }
        return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
    }

    /** A property of the body and a JSON value of another type than it takes; null when it has none. */
    private Map.Entry<String, String> wrongValue(JsonNode schema) {
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            JsonNode type = resolve(property.getValue());
            String wrong =
                    switch (type.has("properties")
                            ? "object"
                            : type.path("type").asString("")) {
                        case "string" -> "{\"not\": \"text\"}";
                        case "integer", "number" -> "\"not a number\"";
                        case "boolean" -> "\"perhaps\"";
                        case "array" -> "{\"not\": \"a list\"}";
                        case "object" -> "[1, 2]";
                        default -> null;
                    };
            if (wrong != null) {
                return Map.entry(property.getKey(), wrong);
            }
        }
        return null;
    }

    private JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        for (int hops = 0; hops < 5 && current.has("$ref"); hops++) {
            String ref = current.get("$ref").asString();
            current = schemas.path(ref.substring(ref.lastIndexOf('/') + 1));
        }
        if (current.has("allOf") && current.get("allOf").size() > 0) {
            return resolve(current.get("allOf").get(0));
        }
        if (current.has("oneOf") && current.get("oneOf").size() > 0) {
            return resolve(current.get("oneOf").get(0));
        }
        return current;
    }

    // ----- what a problem is -----

    /**
     * Adds what is wrong with the answer to {@code failures}: another status, another media type, or a body
     * without the status, a title or a detail; a 400 must also name each field in {@code errors}. True when
     * the answer is the expected problem.
     */
    private static boolean check(Operation operation, Response response, int status, List<String> failures) {
        String body = abbreviate(response.raw().body());
        if (response.status() != status) {
            failures.add(operation + ": " + response.status() + " instead of " + status + " " + body);
            return false;
        }
        String type = response.header("Content-Type");
        JsonNode problem = response.body();
        List<String> wrong = new ArrayList<>();
        if (type == null || !type.startsWith("application/problem+json")) {
            wrong.add("media type " + type);
        }
        if (problem.path("status").asInt() != status) {
            wrong.add("no status " + status);
        }
        if (problem.path("title").asString("").isBlank()) {
            wrong.add("no title");
        }
        if (problem.path("detail").asString("").isBlank()) {
            wrong.add("no detail");
        }
        if (status == 400) {
            if (!problem.path("errors").isArray() || problem.path("errors").isEmpty()) {
                wrong.add("no errors");
            }
            for (JsonNode error : problem.path("errors")) {
                if (error.path("field").asString("").isBlank()
                        || error.path("message").asString("").isBlank()) {
                    wrong.add("an error without field or message");
                }
            }
        }
        if (!wrong.isEmpty()) {
            failures.add(operation + ": " + status + " but " + String.join(", ", wrong) + " " + body);
        }
        return wrong.isEmpty();
    }

    private static void expectField(Operation operation, Response response, String field, List<String> failures) {
        boolean named = response.body()
                .path("errors")
                .valueStream()
                .map(error -> error.path("field").asString(""))
                .anyMatch(name -> name.equals(field) || name.startsWith(field + ".") || name.startsWith(field + "["));
        if (!named) {
            failures.add(operation + ": 400 without naming " + field + " "
                    + abbreviate(response.raw().body()));
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
