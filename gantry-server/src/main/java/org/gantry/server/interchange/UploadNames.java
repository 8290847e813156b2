package org.gantry.server.interchange;

import org.gantry.server.shared.InvalidInput;
import org.springframework.web.multipart.MultipartFile;

/**
 * The name an upload was sent with. It only names the new project and appears in messages, so a name with
 * control characters (a NUL, which PostgreSQL cannot store, a line break) is refused on the API and
 * cleaned on the pages, where the browser chose it.
 */
final class UploadNames {
    private static final int MAXIMUM_LENGTH = 255;

    private UploadNames() {}

    /** The name as sent, or 400 naming the field {@code file}. */
    static String checked(MultipartFile file) {
        String name = file.getOriginalFilename();
        if (name == null) {
            return null;
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInput("file", "must have a file name without control characters (such as NUL)");
        }
        if (name.length() > MAXIMUM_LENGTH) {
            throw new InvalidInput("file", "must have a file name of at most " + MAXIMUM_LENGTH + " characters");
        }
        return name;
    }

    /** The name without control characters, shortened to a file name's usual limit. */
    static String cleaned(MultipartFile file) {
        String name = file.getOriginalFilename();
        if (name == null) {
            return null;
        }
        String cleaned = name.replaceAll("\\p{Cntrl}", "");
        return cleaned.length() > MAXIMUM_LENGTH ? cleaned.substring(0, MAXIMUM_LENGTH) : cleaned;
    }
}
