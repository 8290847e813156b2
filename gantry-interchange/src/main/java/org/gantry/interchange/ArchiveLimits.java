package org.gantry.interchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;

/**
 * What an uploaded archive may hold, checked before any reader sees it. MPXJ takes every file that starts
 * with "PK" for a zip, unpacks it into a temporary folder, opens every file it unpacked at once and
 * unpacks again any of them that is a zip itself; Excel workbooks are zips too. Unchecked, a 1 MB upload
 * fills the disk (a zip bomb) or the process's open files (tens of thousands of tiny entries).
 *
 * <p>The check streams through the archive, and through every archive inside it, counting the bytes it
 * really inflates (the sizes in a zip's headers can lie) and storing none of them. The totals are over all
 * levels, since MPXJ writes the outer entries and then what they unpack.
 *
 * @param maximumExpandedBytes all entries of all levels together, unpacked
 * @param maximumEntries files and folders of all levels together
 * @param maximumDepth folder levels in an entry's name plus archives inside archives
 */
public record ArchiveLimits(long maximumExpandedBytes, int maximumEntries, int maximumDepth) {
    public static final ArchiveLimits DEFAULT = new ArchiveLimits(256L * 1024 * 1024, 1_000, 10);

    private static final int CHUNK = 64 * 1024;

    public ArchiveLimits {
        if (maximumExpandedBytes < 1 || maximumEntries < 1 || maximumDepth < 1) {
            throw new IllegalArgumentException("archive limits must be positive");
        }
    }

    /** Does nothing for a file that is not an archive; refuses an archive beyond the limits. */
    public void check(InputStream in) throws ImportFailure {
        try {
            PushbackInputStream peek = new PushbackInputStream(in, 8);
            if (startsArchive(peek)) {
                new Scan().archive(peek, 1);
            }
        } catch (IOException e) {
            if (e instanceof Refused refused) {
                throw refused.failure;
            }
            throw new ImportFailure(
                    ImportFailure.Reason.DAMAGED,
                    "The archive could not be read; it may be damaged or cut short (" + e.getMessage() + ").",
                    e);
        }
    }

    /**
     * Whether a stream starts as MPXJ's zip detection sees it: "PK", also after a byte order mark (MPXJ
     * skips one and looks again). The bytes read stay in the stream.
     */
    private static boolean startsArchive(PushbackInputStream in) throws IOException {
        byte[] head = in.readNBytes(5);
        in.unread(head);
        int skip = 0;
        if (head.length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF) {
            skip = 3;
        } else if (head.length >= 2
                && (((head[0] & 0xff) == 0xFE && (head[1] & 0xff) == 0xFF)
                        || ((head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xFE))) {
            skip = 2;
        }
        boolean archive = head.length >= skip + 2 && head[skip] == 'P' && head[skip + 1] == 'K';
        if (archive && skip > 0) {
            in.skipNBytes(skip);
        }
        return archive;
    }

    private final class Scan {
        private long expanded;
        private int entries;
        private final byte[] buffer = new byte[CHUNK];

        void archive(InputStream in, int level) throws IOException, ImportFailure {
            if (level > maximumDepth) {
                throw tooDeep();
            }
            // Commons Compress rather than java.util.zip: it reads the Zip64 data descriptors that POI
            // writes into workbooks (our own Excel exports among them), which ZipInputStream misreads as
            // a wrong entry size, and stored entries followed by a data descriptor.
            ZipArchiveInputStream zip = new ZipArchiveInputStream(in, "UTF-8", true, true);
            while (true) {
                ZipArchiveEntry entry = zip.getNextEntry();
                if (entry == null) {
                    return;
                }
                if (++entries > maximumEntries) {
                    throw new ImportFailure(
                            ImportFailure.Reason.TOO_LARGE,
                            "The archive holds more than " + maximumEntries
                                    + " files; no project file needs that many, so it is refused.");
                }
                String name = entry.getName().replace('\\', '/');
                if (name.startsWith("/") || ("/" + name + "/").contains("/../")) {
                    throw new ImportFailure(
                            ImportFailure.Reason.DAMAGED,
                            "The archive has an entry outside its own folder (" + printable(name) + ").");
                }
                int folders = (int) name.chars().filter(c -> c == '/').count() - (entry.isDirectory() ? 1 : 0);
                if (level + folders > maximumDepth) {
                    throw tooDeep();
                }
                if (!entry.isDirectory()) {
                    PushbackInputStream content = new PushbackInputStream(new Counted(zip), 8);
                    if (startsArchive(content)) {
                        archive(content, level + 1);
                    }
                    while (content.read(buffer) >= 0) {
                        // counted by Counted
                    }
                }
            }
        }

        private ImportFailure tooDeep() {
            return new ImportFailure(
                    ImportFailure.Reason.DAMAGED,
                    "The archive nests folders or archives more than " + maximumDepth
                            + " levels deep; no project file does, so it is refused.");
        }

        /** An entry's content, counting what it inflates towards the limit; never closes the archive. */
        private final class Counted extends InputStream {
            private final InputStream entry;

            Counted(InputStream entry) {
                this.entry = entry;
            }

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = entry.read(b, off, len);
                if (n > 0) {
                    expanded += n;
                    if (expanded > maximumExpandedBytes) {
                        throw new Refused(new ImportFailure(
                                ImportFailure.Reason.TOO_LARGE,
                                "The archive unpacks to more than " + maximumExpandedBytes / (1024 * 1024)
                                        + " MB; no project file is that large, so it is refused."));
                    }
                }
                return n;
            }

            @Override
            public void close() {}
        }
    }

    /** Carries a refusal out of a stream read (which may only throw IOException). */
    private static final class Refused extends IOException {
        private final ImportFailure failure;

        Refused(ImportFailure failure) {
            super(failure.getMessage());
            this.failure = failure;
        }
    }

    private static String printable(String name) {
        String shown = name.length() > 80 ? name.substring(0, 80) + "..." : name;
        return shown.replaceAll("\\p{Cntrl}", "?");
    }
}
