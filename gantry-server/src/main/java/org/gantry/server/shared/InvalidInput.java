package org.gantry.server.shared;

import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The request names fields whose values cannot be accepted. */
@ResponseStatus(HttpStatus.BAD_REQUEST)
public class InvalidInput extends RuntimeException {

    private final List<FieldProblem> errors;

    public InvalidInput(List<FieldProblem> errors) {
        super(describe(errors));
        this.errors = List.copyOf(errors);
    }

    public InvalidInput(String field, String message) {
        this(List.of(new FieldProblem(field, message)));
    }

    public List<FieldProblem> errors() {
        return errors;
    }

    private static String describe(List<FieldProblem> errors) {
        return errors.isEmpty()
                ? "Invalid input"
                : errors.get(0).field() + ": " + errors.get(0).message();
    }

    /** Collects field problems, then throws them all at once. */
    public static final class Collector {
        private final List<FieldProblem> errors = new ArrayList<>();

        public Collector add(String field, String message) {
            errors.add(new FieldProblem(field, message));
            return this;
        }

        public boolean has(String field) {
            return errors.stream().anyMatch(e -> e.field().equals(field));
        }

        public void throwIfAny() {
            if (!errors.isEmpty()) {
                throw new InvalidInput(errors);
            }
        }
    }
}
