package org.okrpm.checkin.http;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.okrpm.kit.problem.Problem;
import org.okrpm.kit.problem.ProblemResponses;
import org.okrpm.kit.problem.ProblemType;

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

    /** More specific than the kit's mapper for every {@link WebApplicationException}, so it wins. */
    public static class Mapper {

        @ServerExceptionMapper
        public Response invalidQueryParameter(InvalidQueryParameterException e, UriInfo uri) {
            return ProblemResponses.of(ProblemType.VALIDATION, e.parameter + " " + e.problem,
                    uri.getRequestUri().getRawPath(), List.of(new Problem.FieldError(e.parameter, e.problem)), null);
        }
    }
}
