package org.gantry.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gantry.server.api.ApiClient.json;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gantry.server.api.ApiClient.Response;
import org.gantry.server.collaboration.AttachmentStore;
import org.gantry.server.collaboration.AttachmentSweep;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Receipts on expenses (upload, download, replace, delete; who may; only PDFs and images; the attachment
 * limits; kept by the sweep) and the expense list as CSV and Excel, with the same rows as the list.
 */
class ExpenseReceiptApiIT extends ApiIntegrationTest {

    /** The smallest file the bytes say is a PDF. */
    static final byte[] PDF = ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
            .getBytes(StandardCharsets.US_ASCII);

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AttachmentStore store;

    @Autowired
    AttachmentSweep sweep;

    private long filesOnDisk() throws IOException {
        try (Stream<Path> files = Files.walk(store.root())) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> !file.getParent().getFileName().toString().equals("incoming"))
                    .count();
        }
    }

    private static long expense(TestUser who, String project, String date, String amount, String note) {
        Response created = who.api().post(project + "/expenses", json("date", date, "amount", amount, "note", note));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.body().get("id").asLong();
    }

    @Test
    void aMemberAttachesAReceiptTheManagersReadItAndNobodyElse() throws Exception {
        TestUser owner = newUser("owner");
        TestUser mia = newUser("mia");
        TestUser tom = newUser("tom");
        TestUser sponsor = newUser("sponsor");
        String key = newProject(owner);
        String project = "/api/v1/projects/" + key;
        addMember(owner.api(), key, mia, "MEMBER");
        addMember(owner.api(), key, tom, "MEMBER");
        addMember(owner.api(), key, sponsor, "STAKEHOLDER");
        long train = expense(mia, project, "2026-03-03", "120.50", "Train to the client");
        String receipt = project + "/expenses/" + train + "/receipt";
        long filesBefore = filesOnDisk();

        Response uploaded = mia.api().upload(receipt, "ticket.pdf", PDF, Map.of());
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        JsonNode shown = uploaded.body().get("receipt");
        assertThat(shown.get("name").asString()).isEqualTo("ticket.pdf");
        assertThat(shown.get("contentType").asString()).isEqualTo("application/pdf");
        assertThat(shown.get("size").asLong()).isEqualTo(PDF.length);
        assertThat(shown.get("url").asString()).isEqualTo(receipt);
        assertThat(filesOnDisk()).isEqualTo(filesBefore + 1);
        assertThat(mia.api()
                        .get(project + "/expenses/" + train)
                        .body()
                        .get("receipt")
                        .get("name")
                        .asString())
                .isEqualTo("ticket.pdf");

        assertThat(mia.api().download(receipt)).isEqualTo(PDF);
        assertThat(owner.api().download(receipt)).isEqualTo(PDF);
        Response asFile = owner.api().get(receipt);
        assertThat(asFile.header("Content-Disposition")).startsWith("attachment");
        assertThat(asFile.header("X-Content-Type-Options")).isEqualTo("nosniff");
        // A colleague does not see what Mia spent, nor her receipt; a stakeholder sees no money at all.
        assertThat(tom.api().get(receipt).status()).isEqualTo(403);
        assertThat(sponsor.api().get(receipt).status()).isEqualTo(403);
        Response tomUploads = tom.api().upload(receipt, "mine.pdf", PDF, Map.of());
        assertThat(tomUploads.status()).as(tomUploads.toString()).isEqualTo(403);
        assertThat(tom.api().delete(receipt).status()).isEqualTo(403);
        assertThat(sponsor.api().delete(receipt).status()).isEqualTo(403);

        // Only a PDF or an image, as the bytes say: a text file named .pdf is refused and nothing changes.
        Response text = mia.api().upload(receipt, "fake.pdf", "just words".getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(text.status()).as(text.toString()).isEqualTo(400);
        assertThat(text.body().get("errors").get(0).get("field").asString()).isEqualTo("file");
        Response empty = mia.api().upload(receipt, "empty.pdf", new byte[0], Map.of());
        assertThat(empty.status()).as(empty.toString()).isEqualTo(400);
        assertThat(mia.api().download(receipt)).isEqualTo(PDF);
        assertThat(filesOnDisk()).isEqualTo(filesBefore + 1);
        assertThat(mia.api()
                        .upload(project + "/expenses/999999999/receipt", "x.pdf", PDF, Map.of())
                        .status())
                .isEqualTo(404);

        // A photo replaces the scan; the scan's file goes.
        byte[] photo = AttachmentApiIT.png();
        Response replaced = mia.api().upload(receipt, "photo.png", photo, Map.of());
        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(201);
        assertThat(replaced.body().get("receipt").get("contentType").asString()).isEqualTo("image/png");
        assertThat(owner.api().download(receipt)).isEqualTo(photo);
        assertThat(filesOnDisk()).isEqualTo(filesBefore + 1);

        // The hourly sweep keeps a receipt's file (a row refers to it).
        sweep.sweep(Duration.ZERO);
        assertThat(owner.api().download(receipt)).isEqualTo(photo);

        // The owner removes it; then there is none (404), and its file is gone.
        assertThat(owner.api().delete(receipt).status()).isEqualTo(204);
        assertThat(mia.api().get(receipt).status()).isEqualTo(404);
        assertThat(mia.api().delete(receipt).status()).isEqualTo(404);
        assertThat(mia.api()
                        .get(project + "/expenses/" + train)
                        .body()
                        .get("receipt")
                        .isNull())
                .isTrue();
        assertThat(filesOnDisk()).isEqualTo(filesBefore);

        // Deleting an expense deletes its receipt's file too.
        assertThat(mia.api().upload(receipt, "ticket.pdf", PDF, Map.of()).status())
                .isEqualTo(201);
        assertThat(filesOnDisk()).isEqualTo(filesBefore + 1);
        assertThat(mia.api().delete(project + "/expenses/" + train).status()).isEqualTo(204);
        assertThat(filesOnDisk()).isEqualTo(filesBefore);
    }

    @Test
    void receiptsCountInTheProjectsTotalOfFiles() {
        TestUser owner = newUser("owner");
        String key = newProject(owner);
        String project = "/api/v1/projects/" + key;
        long taskId =
                createTask(owner.api(), key, json("name", "Spec")).get("id").asLong();
        long hotel = expense(owner, project, "2026-03-03", "300", "Hotel");
        assertThat(owner.api()
                        .upload(project + "/expenses/" + hotel + "/receipt", "hotel.pdf", PDF, Map.of())
                        .status())
                .isEqualTo(201);
        long oneGigabyte = 1024L * 1024 * 1024;
        jdbc.sql("update expense_receipt set size_bytes = ? where expense_id = ?")
                .params(oneGigabyte - 1000, hotel)
                .update();
        Response attachment = owner.api()
                .upload(
                        "/api/v1/projects/" + key + "/tasks/" + taskId + "/attachments",
                        "notes.bin",
                        new byte[2000],
                        Map.of());
        assertThat(attachment.status()).as(attachment.toString()).isEqualTo(413);
        long taxi = expense(owner, project, "2026-03-04", "40", "Taxi");
        byte[] bigger = new byte[2000];
        System.arraycopy(PDF, 0, bigger, 0, PDF.length);
        Response receipt = owner.api().upload(project + "/expenses/" + taxi + "/receipt", "taxi.pdf", bigger, Map.of());
        assertThat(receipt.status()).as(receipt.toString()).isEqualTo(413);
        assertThat(receipt.header("Content-Type")).startsWith("application/problem+json");
        assertThat(owner.api()
                        .get(project + "/expenses/" + taxi)
                        .body()
                        .get("receipt")
                        .isNull())
                .isTrue();
    }

    @Test
    void theExportsHoldTheRowsTheListShows() throws Exception {
        TestUser owner = newUser("owner");
        TestUser mia = newUser("mia");
        TestUser sponsor = newUser("sponsor");
        String key = newProject(owner);
        String project = "/api/v1/projects/" + key;
        addMember(owner.api(), key, mia, "MEMBER");
        addMember(owner.api(), key, sponsor, "STAKEHOLDER");
        long train = expense(mia, project, "2026-03-03", "120.50", "Train, return");
        expense(owner, project, "2026-03-02", "1000", "=Licence");
        assertThat(mia.api()
                        .upload(project + "/expenses/" + train + "/receipt", "ticket.pdf", PDF, Map.of())
                        .status())
                .isEqualTo(201);
        String currency = owner.api().get(project).body().get("currency").asString();

        Response csv = owner.api().get(project + "/expenses/export?format=csv");
        assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).contains(key + "-expenses.csv");
        String ownerName = owner.api().get("/api/v1/me").body().get("name").asString();
        String miaName = mia.api().get("/api/v1/me").body().get("name").asString();
        // By date: the owner's licence on Monday (its = neutralised), Mia's train on Tuesday; 1,000 + 120.50.
        assertThat(csv.raw().body())
                .isEqualTo("Date,Person,Task,Amount,Currency,Note,Receipt\r\n"
                        + "2026-03-02," + ownerName + ",,1000.00," + currency + ",'=Licence,\r\n"
                        + "2026-03-03," + miaName + ",,120.50," + currency + ",\"Train, return\",ticket.pdf\r\n"
                        + "Total,,,1120.50," + currency + ",,\r\n");
        // Mia's own rows only, as in her list.
        assertThat(mia.api().get(project + "/expenses/export").raw().body())
                .isEqualTo("Date,Person,Task,Amount,Currency,Note,Receipt\r\n"
                        + "2026-03-03," + miaName + ",,120.50," + currency + ",\"Train, return\",ticket.pdf\r\n"
                        + "Total,,,120.50," + currency + ",,\r\n");
        assertThat(sponsor.api().get(project + "/expenses/export").status()).isEqualTo(403);
        Response wrongFormat = owner.api().get(project + "/expenses/export?format=pdf");
        assertThat(wrongFormat.status()).isEqualTo(400);
        assertThat(wrongFormat.body().get("errors").get(0).get("field").asString())
                .isEqualTo("format");

        try (XSSFWorkbook excel = new XSSFWorkbook(
                new ByteArrayInputStream(owner.api().download(project + "/expenses/export?format=xlsx")))) {
            var sheet = excel.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(3).getStringCellValue()).isEqualTo("Amount");
            assertThat(sheet.getRow(1).getCell(3).getNumericCellValue()).isEqualTo(1000.0);
            assertThat(sheet.getRow(1).getCell(5).getStringCellValue()).isEqualTo("=Licence");
            assertThat(sheet.getRow(2).getCell(3).getNumericCellValue()).isEqualTo(120.5);
            assertThat(sheet.getRow(2).getCell(6).getStringCellValue()).isEqualTo("ticket.pdf");
            assertThat(sheet.getRow(3).getCell(0).getStringCellValue()).isEqualTo("Total");
            assertThat(sheet.getRow(3).getCell(3).getNumericCellValue()).isEqualTo(1120.5);
        }
    }
}
