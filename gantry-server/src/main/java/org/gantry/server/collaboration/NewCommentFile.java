package org.gantry.server.collaboration;

import java.util.List;
import org.springframework.core.io.InputStreamSource;
import org.springframework.web.multipart.MultipartFile;

/** A file posted together with a comment: the name the uploader's computer gave it, and its bytes. */
public record NewCommentFile(String name, InputStreamSource content) {

    /** The files a comment form sent; a file input left empty still sends one part, with no name and no bytes. */
    public static List<NewCommentFile> chosen(List<MultipartFile> files) {
        return files == null
                ? List.of()
                : files.stream()
                        .filter(file -> !file.isEmpty()
                                || (file.getOriginalFilename() != null
                                        && !file.getOriginalFilename().isEmpty()))
                        .map(file -> new NewCommentFile(file.getOriginalFilename(), file))
                        .toList();
    }
}
