package org.gantry.server.collaboration;

import org.springframework.core.io.InputStreamSource;

/** A file posted together with a comment: the name the uploader's computer gave it, and its bytes. */
record NewCommentFile(String name, InputStreamSource content) {}
