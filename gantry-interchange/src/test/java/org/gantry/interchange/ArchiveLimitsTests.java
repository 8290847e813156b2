package org.gantry.interchange;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

class ArchiveLimitsTests {
    private final ArchiveLimits limits = new ArchiveLimits(1024 * 1024, 10, 3);

    @Test
    void aFileThatIsNoArchivePasses() {
        assertThatCode(() -> limits.check(stream("<Project/>".getBytes(StandardCharsets.UTF_8))))
                .doesNotThrowAnyException();
    }

    @Test
    void anArchiveWithinTheLimitsPasses() throws IOException {
        assertThatCode(() -> limits.check(stream(zip(3, 1000, "plan.xml")))).doesNotThrowAnyException();
    }

    @Test
    void theBytesReallyUnpackedCountNotTheHeaders() throws IOException {
        assertThatThrownBy(() -> limits.check(stream(zip(1, 2 * 1024 * 1024, "plan.xml"))))
                .isInstanceOfSatisfying(
                        ImportFailure.class, failure -> failure.reason().equals(ImportFailure.Reason.TOO_LARGE))
                .hasMessageContaining("unpacks to more than 1 MB");
    }

    @Test
    void tooManyEntriesAreRefused() throws IOException {
        assertThatThrownBy(() -> limits.check(stream(zip(11, 1, "plan.xml"))))
                .hasMessageContaining("more than 10 files");
    }

    @Test
    void foldersTooDeepAreRefused() throws IOException {
        assertThatThrownBy(() -> limits.check(stream(zip(1, 1, "a/b/c/plan.xml"))))
                .hasMessageContaining("more than 3 levels");
    }

    @Test
    void archivesInsideArchivesCountAsLevels() throws IOException {
        byte[] inner = zip(1, 1, "plan.xml");
        for (int level = 0; level < 3; level++) {
            inner = zipOf("inner.zip", inner);
        }
        byte[] nested = inner;
        assertThatThrownBy(() -> limits.check(stream(nested))).hasMessageContaining("more than 3 levels");
    }

    @Test
    void anArchiveAfterAByteOrderMarkIsStillAnArchive() throws IOException {
        byte[] zip = zip(11, 1, "plan.xml");
        byte[] marked = new byte[zip.length + 3];
        marked[0] = (byte) 0xEF;
        marked[1] = (byte) 0xBB;
        marked[2] = (byte) 0xBF;
        System.arraycopy(zip, 0, marked, 3, zip.length);
        assertThatThrownBy(() -> limits.check(stream(marked))).hasMessageContaining("more than 10 files");
    }

    @Test
    void anEntryOutsideTheArchivesFolderIsRefused() throws IOException {
        assertThatThrownBy(() -> limits.check(stream(zip(1, 1, "../../etc/plan.xml"))))
                .hasMessageContaining("outside its own folder");
    }

    private static ByteArrayInputStream stream(byte[] bytes) {
        return new ByteArrayInputStream(bytes);
    }

    private static byte[] zip(int entries, int size, String name) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < entries; i++) {
                zip.putNextEntry(new ZipEntry(i == 0 ? name : i + "-" + name));
                zip.write(new byte[size]);
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static byte[] zipOf(String name, byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }
}
