package org.gantry.server.risk;

import java.io.IOException;
import java.io.InputStream;
import org.gantry.server.collaboration.AttachmentTooLarge;
import org.gantry.server.shared.FieldProblem;
import org.gantry.server.shared.InvalidInput;
import org.springframework.web.multipart.MultipartFile;

/**
 * The pages' side of a file posted to an entry of the RAID log or to a risk: the refusals in the words of the
 * form, so the page can show them next to the file field. The storing itself, with its limits, is the
 * collaboration module's {@code AttachmentService}, as for a task's files.
 */
final class EntryFiles {
    private EntryFiles() {}

    /** Stores one uploaded file (its name and bytes) where the caller says. */
    @FunctionalInterface
    interface Upload {
        void store(String name, InputStream content) throws IOException;
    }

    /** Null when the file was attached, else why not (nothing is stored then). */
    static String attach(MultipartFile file, Upload upload) throws IOException {
        if (file == null
                || (file.isEmpty()
                        && (file.getOriginalFilename() == null
                                || file.getOriginalFilename().isBlank()))) {
            return "choose a file first.";
        }
        try (InputStream content = file.getInputStream()) {
            upload.store(file.getOriginalFilename(), content);
            return null;
        } catch (InvalidInput e) {
            StringBuilder reasons = new StringBuilder();
            for (FieldProblem problem : e.errors()) {
                reasons.append(reasons.isEmpty() ? "" : "; ")
                        .append("the file ")
                        .append(problem.message());
            }
            return reasons + ".";
        } catch (AttachmentTooLarge e) {
            return e.getMessage();
        }
    }
}
