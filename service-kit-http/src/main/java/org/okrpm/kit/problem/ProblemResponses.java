package org.okrpm.kit.problem;

import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/** Builds problem+json responses; the one place that knows the wire shape. */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    public static Response of(ProblemType type, String detail, String instance) {
        return of(type, detail, instance, null, null);
    }

    public static Response of(ProblemType type, String detail, String instance,
                              List<Problem.FieldError> errors, Map<String, Object> extensions) {
        return of(type.status(), type, detail, instance, errors, extensions);
    }

    /** For statuses that share a type with others (e.g. a 405 mapped from a generic web exception). */
    public static Response of(int status, ProblemType type, String detail, String instance,
                              List<Problem.FieldError> errors, Map<String, Object> extensions) {
        Problem body = new Problem(type.uri(), type.title(), status, detail, instance,
                errors == null || errors.isEmpty() ? null : errors, extensions);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(body).build();
    }
}
