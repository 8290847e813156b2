package org.gantry.server.shared;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The caller can see the thing but their role does not allow this action. */
@ResponseStatus(HttpStatus.FORBIDDEN)
public class Forbidden extends RuntimeException {

    public Forbidden(String detail) {
        super(detail);
    }
}
