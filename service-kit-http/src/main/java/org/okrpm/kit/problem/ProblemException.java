package org.okrpm.kit.problem;

import java.util.List;
import java.util.Map;

/** Thrown by application code to answer with a problem; mapped by {@link ProblemExceptionMappers}. */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final List<Problem.FieldError> errors;
    private final Map<String, Object> extensions;

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, null, null);
    }

    public ProblemException(ProblemType type, String detail, List<Problem.FieldError> errors,
                            Map<String, Object> extensions) {
        super(detail, null, false, false);
        this.type = type;
        this.errors = errors;
        this.extensions = extensions;
    }

    public static ProblemException invalid(String field, String message) {
        return new ProblemException(ProblemType.VALIDATION, field + " " + message,
                List.of(new Problem.FieldError(field, message)), null);
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(ProblemType.NOT_FOUND, what + " " + id + " does not exist");
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(ProblemType.CONFLICT, detail);
    }

    public static ProblemException unprocessable(String field, String detail) {
        return new ProblemException(ProblemType.UNPROCESSABLE, detail,
                List.of(new Problem.FieldError(field, detail)), null);
    }

    public ProblemType type() {
        return type;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }
}
