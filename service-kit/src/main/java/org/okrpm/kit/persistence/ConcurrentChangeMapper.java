package org.okrpm.kit.persistence;

import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.hibernate.StaleStateException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.okrpm.kit.problem.ProblemResponses;
import org.okrpm.kit.problem.ProblemType;

/** Two writers changed the same row at once: 409, read it again and retry. */
public class ConcurrentChangeMapper {

    @ServerExceptionMapper({OptimisticLockException.class, StaleStateException.class})
    public Response concurrentChange(RuntimeException e, UriInfo uri) {
        return ProblemResponses.of(ProblemType.CONFLICT,
                "The resource was changed concurrently; read it again and retry",
                uri == null ? null : uri.getRequestUri().getRawPath());
    }
}
