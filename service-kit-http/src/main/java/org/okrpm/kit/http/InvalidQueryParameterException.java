package org.okrpm.kit.http;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/**
 * A query parameter whose value cannot be converted. A {@link WebApplicationException}, because only those
 * pass through JAX-RS parameter handling unchanged (anything else becomes a 404 for query parameters).
 */
public class InvalidQueryParameterException extends WebApplicationException {

    private final String parameter;
    private final String problem;

    public InvalidQueryParameterException(String parameter, String problem) {
        super(parameter + " " + problem, Response.Status.BAD_REQUEST);
        this.parameter = parameter;
        this.problem = problem;
    }

    public String parameter() {
        return parameter;
    }

    public String problem() {
        return problem;
    }
}
