package org.okrpm.kit.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * Hands Quarkus REST the strict mapper for request bodies (and, since JAX-RS asks one resolver for both, for
 * response bodies too: a copy of the application's mapper, so responses are written exactly as before). The REST
 * clients keep the application's mapper: their Jackson reader does not ask context resolvers.
 */
@Provider
@ConstrainedTo(RuntimeType.SERVER)
public class RequestJsonResolver implements ContextResolver<ObjectMapper> {

    @Inject
    RequestJson json;

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return json.mapper();
    }
}
