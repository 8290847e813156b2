package org.gantry.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gantry.server.api.ApiClient.json;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.gantry.server.api.ApiClient.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Uploads built to hurt the server, on every import endpoint: a zip bomb (1 MB unpacking to 1 GiB), a
 * 2 MB zip of 20,000 entries, archives nested too deep, an unreadable .mpp and a zip with no project.
 * Each is refused with a problem (413 for too large, 4xx for the rest), and afterwards the temporary folder
 * holds nothing it did not hold before and the process has no more files open than before. The test JVM
 * has a temporary folder of its own (failsafe's argLine), so nothing else writes there meanwhile.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileUploadIT extends ApiIntegrationTest {
    private static final long GIB = 1024L * 1024 * 1024;

    private final Path temporary = Path.of(System.getProperty("java.io.tmpdir"));
    private String project;
    private byte[] plan;

    /** The endpoints that take a project file, and those that take a spreadsheet (.xlsx is a zip). */
    private List<String> fileEndpoints() {
        return List.of(
                "/api/v1/projects/import", "/api/v1/projects/import/report", "/api/v1/projects/" + project + "/import");
    }

    private static final List<String> TABLE_ENDPOINTS =
            List.of("/api/v1/projects/import/table/preview", "/api/v1/projects/import/table");

    @BeforeAll
    void aProjectToImportInto() {
        project = newKey();
        Response created = admin().post("/api/v1/projects", json("key", project, "name", "Hostile " + project));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        admin().post("/api/v1/projects/" + project + "/tasks", json("name", "Design", "duration", "2d"));
        Response exported = admin().get("/api/v1/projects/" + project + "/export?format=mspdi");
        assertThat(exported.status()).isEqualTo(200);
        plan = exported.raw().body().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void hostileArchivesAreRefusedAndLeaveNoFilesBehind() throws IOException {
        warmUp();
        TreeSet<String> before = temporaryEntries();
        long filesOpenBefore = openFiles();

        byte[] bomb = zipBomb(GIB);
        assertThat(bomb.length).isBetween(500_000, 2_000_000);
        byte[] manyEntries = manyEntries(20_000);
        assertThat(manyEntries.length).isBetween(1_500_000, 3_000_000);
        List<String> refusals = new ArrayList<>();
        for (String endpoint : fileEndpoints()) {
            refusals.add(expect(413, endpoint, "plan.zip", bomb));
            refusals.add(expect(413, endpoint, "plan.zip", manyEntries));
            refusals.add(expect(422, endpoint, "plan.zip", nested(12)));
            refusals.add(expectClientError(endpoint, "broken.mpp", unreadableMpp()));
            refusals.add(expectClientError(endpoint, "notes.zip", zipOf("readme.txt", "no plan here")));
        }
        for (String endpoint : TABLE_ENDPOINTS) {
            refusals.add(expect(413, endpoint, "plan.xlsx", bomb));
            refusals.add(expect(413, endpoint, "plan.xlsx", manyEntries));
        }
        assertThat(refusals).allSatisfy(body -> assertThat(body).contains("\"title\""));

        awaitNoNewTemporaryFiles(before);
        awaitOpenFilesBackTo(filesOpenBefore);
    }

    @Test
    void anUnreadableMppLeavesNoTemporaryFile() {
        warmUp();
        TreeSet<String> before = temporaryEntries();
        for (int i = 0; i < 5; i++) {
            expectClientError("/api/v1/projects/import/report", "broken.mpp", unreadableMpp());
        }
        awaitNoNewTemporaryFiles(before);
    }

    @Test
    void aZippedPlanStillImports() {
        Response imported =
                admin().upload("/api/v1/projects/import/report", "plan.zip", zipOf("plan.xml", plan), Map.of());
        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
    }

    @Test
    void aBrokenMultipartBodyIsA400ProblemOnEveryImportEndpoint() {
        List<String> endpoints = new ArrayList<>(fileEndpoints());
        endpoints.addAll(TABLE_ENDPOINTS);
        byte[] cutShort = ("--edge\r\nContent-Disposition: form-data; name=\"file\"; filename=\"plan.xml\"\r\n"
                        + "Content-Type: application/xml\r\n\r\n<Project><Name>cut")
                .getBytes(StandardCharsets.UTF_8);
        for (String endpoint : endpoints) {
            for (String contentType : List.of("multipart/form-data; boundary=edge", "multipart/form-data")) {
                Response response = admin().sendRaw("POST", endpoint, contentType, cutShort);
                assertThat(response.status())
                        .as(endpoint + " " + contentType + ": " + response)
                        .isEqualTo(400);
                assertThat(response.header("Content-Type")).contains("application/problem+json");
                assertThat(response.body().get("errors").get(0).get("field").asString())
                        .isEqualTo("body");
            }
        }
    }

    @Test
    void aFileNameWithControlCharactersIsA400() {
        List<String> endpoints = new ArrayList<>(fileEndpoints());
        endpoints.addAll(TABLE_ENDPOINTS);
        for (String endpoint : endpoints) {
            // Tomcat already refuses the NUL while taking the body apart; other control characters reach us.
            for (String name : List.of("plan\u0000.xml", "plan\u0007.xml")) {
                Response response = admin().upload(endpoint, name, plan, Map.of());
                assertThat(response.status()).as(endpoint + ": " + response).isEqualTo(400);
                assertThat(response.body().get("errors").get(0).get("field").asString())
                        .isIn("file", "body");
            }
        }
    }

    /** Loads every class and jar the attacks need, so their first use does not count as an open file. */
    private void warmUp() {
        admin().upload("/api/v1/projects/import/report", "plan.xml", plan, Map.of());
        admin().upload("/api/v1/projects/import/report", "plan.zip", zipOf("plan.xml", plan), Map.of());
        admin().upload("/api/v1/projects/import/report", "broken.mpp", unreadableMpp(), Map.of());
        admin().upload("/api/v1/projects/import/table/preview", "plan.xlsx", zipOf("a.xml", "x"), Map.of());
        admin().upload("/api/v1/projects/import/report", "plan.zip", nested(12), Map.of());
    }

    private String expect(int status, String endpoint, String fileName, byte[] content) {
        long started = System.nanoTime();
        Response response = admin().upload(endpoint, fileName, content, Map.of());
        assertThat(response.status())
                .as(endpoint + " " + fileName + ": " + response)
                .isEqualTo(status);
        assertThat(response.header("Content-Type")).contains("application/problem+json");
        assertThat((System.nanoTime() - started) / 1_000_000).as("milliseconds").isLessThan(30_000);
        return response.raw().body();
    }

    private String expectClientError(String endpoint, String fileName, byte[] content) {
        Response response = admin().upload(endpoint, fileName, content, Map.of());
        assertThat(response.status())
                .as(endpoint + " " + fileName + ": " + response)
                .isBetween(400, 499);
        assertThat(response.header("Content-Type")).contains("application/problem+json");
        return response.raw().body();
    }

    // ----- what the server left behind -----

    /**
     * Every file and folder under the temporary folder, as paths relative to it, except the test database's
     * own (the embedded PostgreSQL of the test JVM lives there and adds files as it pleases, e.g. autovacuum's
     * free space maps).
     */
    private TreeSet<String> temporaryEntries() {
        try (Stream<Path> entries = Files.walk(temporary)) {
            TreeSet<String> names = new TreeSet<>();
            entries.filter(path -> !path.equals(temporary))
                    .map(path -> temporary.relativize(path).toString())
                    .filter(name -> !name.startsWith("gantry-pg") && !name.startsWith("embedded-pg"))
                    .forEach(names::add);
            return names;
        } catch (IOException | UncheckedIOException e) {
            // A file vanished while walking (a request cleaning up): look again.
            return temporaryEntries();
        }
    }

    private void awaitNoNewTemporaryFiles(TreeSet<String> before) {
        TreeSet<String> added = new TreeSet<>();
        for (int attempt = 0; attempt < 50; attempt++) {
            added = temporaryEntries();
            added.removeAll(before);
            if (added.isEmpty()) {
                return;
            }
            sleep(100);
        }
        assertThat(added).as("files and folders left in " + temporary).isEmpty();
    }

    /** Files (not sockets or pipes) this process has open. */
    private static long openFiles() {
        try (Stream<Path> descriptors = Files.list(Path.of("/proc/self/fd"))) {
            return descriptors
                    .map(descriptor -> {
                        try {
                            return Files.readSymbolicLink(descriptor).toString();
                        } catch (IOException e) {
                            return "";
                        }
                    })
                    .filter(target -> target.startsWith("/"))
                    .count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void awaitOpenFilesBackTo(long before) {
        long now = openFiles();
        for (int attempt = 0; attempt < 50 && now > before; attempt++) {
            sleep(100);
            now = openFiles();
        }
        assertThat(now).as("files open now, against " + before + " before").isLessThanOrEqualTo(before);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ----- hostile files, built on the fly -----

    /** One entry of {@code size} zero bytes, deflated as hard as possible: about 1 MB per GiB. */
    static byte[] zipBomb(long size) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            zip.putNextEntry(new ZipEntry("plan.xml"));
            byte[] zeros = new byte[1 << 20];
            for (long written = 0; written < size; written += zeros.length) {
                zip.write(zeros, 0, (int) Math.min(zeros.length, size - written));
            }
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    /** {@code count} tiny stored entries, each a little text file. */
    static byte[] manyEntries(int count) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(Deflater.NO_COMPRESSION);
            byte[] content = {'x'};
            for (int i = 0; i < count; i++) {
                zip.putNextEntry(new ZipEntry(String.format("%05d", i)));
                zip.write(content);
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** A zip inside a zip inside a zip... {@code levels} deep. */
    static byte[] nested(int levels) {
        byte[] inner = "no plan at the bottom".getBytes(StandardCharsets.US_ASCII);
        for (int level = 0; level < levels; level++) {
            inner = zipOf("level-" + level + ".zip", inner);
        }
        return inner;
    }

    static byte[] zipOf(String name, String content) {
        return zipOf(name, content.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] zipOf(String name, byte[] content) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Readers ignore files under 512 bytes; pad with a comment so the archive is looked at.
        return pad(bytes.toByteArray());
    }

    private static byte[] pad(byte[] zip) {
        if (zip.length >= 600) {
            return zip;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream ignored = bytes;
                ZipOutputStream again = new ZipOutputStream(bytes)) {
            again.setComment("x".repeat(600));
            try (java.util.zip.ZipInputStream in =
                    new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
                for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                    again.putNextEntry(new ZipEntry(entry.getName()));
                    in.transferTo(again);
                    again.closeEntry();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** An OLE compound document's signature followed by noise: looks like an .mpp, is not one. */
    static byte[] unreadableMpp() {
        byte[] bytes = new byte[4096];
        new Random(9).nextBytes(bytes);
        byte[] signature = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        System.arraycopy(signature, 0, bytes, 0, signature.length);
        return bytes;
    }
}
