package org.gantry.server.collaboration;

/** An attachment over the per-file limit, or one that would take its project over its total (413). */
public class AttachmentTooLarge extends RuntimeException {

    public AttachmentTooLarge(String detail) {
        super(detail);
    }
}
