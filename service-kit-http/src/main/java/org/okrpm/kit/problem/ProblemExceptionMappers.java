package org.okrpm.kit.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.okrpm.kit.http.InvalidQueryParameterException;
import org.okrpm.kit.http.MergePatcher;
import org.okrpm.kit.json.RefusedValueException;

/**
 * Turns every exception that reaches the REST layer into problem+json. Details are written here, never
 * copied from exception messages, so no class name, SQL or stack trace reaches a client.
 */
public class ProblemExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ProblemExceptionMappers.class);
    private static final String RETRY_AFTER_SECONDS = "2";
    /** The order roles are named in: most powerful first, as docs/api.md lists them. */
    private static final List<String> ROLE_ORDER = List.of("admin", "member", "viewer", "integrator");

    @Inject
    Instance<UnavailableDependency> dependencies;

    @Inject
    Instance<SecurityIdentity> identity;

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return ProblemResponses.of(e.type(), e.getMessage(), path(uri), e.errors(), e.extensions());
    }

    @ServerExceptionMapper(priority = 1)
    public Response violation(ResteasyReactiveViolationException e, UriInfo uri) {
        return violations(e, uri);
    }

    @ServerExceptionMapper
    public Response violations(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream().map(err -> err.field() + " " + err.message())
                .collect(Collectors.joining("; "));
        return ProblemResponses.of(ProblemType.VALIDATION, detail, path(uri), errors, null);
    }

    /** Beats Quarkus's built-in mapper for these, whose body names Java attributes and is not problem+json. */
    @ServerExceptionMapper({MismatchedInputException.class, InvalidFormatException.class})
    public Response mismatchedJson(JsonProcessingException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = jsonPath(mapping);
            String message = wrongValueMessage(mapping);
            return ProblemResponses.of(ProblemType.VALIDATION, field + " " + message, path(uri),
                    List.of(new Problem.FieldError(field, message)), null);
        }
        return ProblemResponses.of(ProblemType.VALIDATION, "The request body is not valid JSON", path(uri));
    }

    @ServerExceptionMapper
    public Response unreadablePatch(MergePatcher.PatchUnreadableException e, UriInfo uri) {
        return unreadableJson((JsonProcessingException) e.getCause(), uri);
    }

    @ServerExceptionMapper
    public Response invalidQueryParameter(InvalidQueryParameterException e, UriInfo uri) {
        return ProblemResponses.of(ProblemType.VALIDATION, e.parameter() + " " + e.problem(), path(uri),
                List.of(new Problem.FieldError(e.parameter(), e.problem())), null);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException json) {
            return unreadableJson(json, uri);
        }
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        ProblemType type = ProblemType.forStatus(status);
        return ProblemResponses.of(status, type, defaultDetail(status), path(uri), null, null);
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(RuntimeException e, UriInfo uri) {
        Response problem = ProblemResponses.of(ProblemType.UNAUTHORIZED,
                "Send a bearer token (Authorization: Bearer <JWT>) or an API key", path(uri));
        return Response.fromResponse(problem).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri, ResourceInfo resource) {
        return ProblemResponses.of(ProblemType.FORBIDDEN, forbiddenDetail(resource), path(uri));
    }

    /**
     * Names the roles that would be let through ("Requires role admin or member"), so a caller knows what to ask
     * for. When the caller has one of them, the refusal was about something else (ownership, say): said plainly.
     */
    String forbiddenDetail(ResourceInfo resource) {
        String[] allowed = allowedRoles(resource);
        if (allowed.length == 0) {
            return "Your role does not allow this operation";
        }
        if (identity.isResolvable() && Arrays.stream(allowed).anyMatch(identity.get()::hasRole)) {
            return "You may not do this to this resource";
        }
        List<String> roles = Arrays.stream(allowed).distinct().sorted(Comparator.comparingInt(
                role -> ROLE_ORDER.contains(role) ? ROLE_ORDER.indexOf(role) : ROLE_ORDER.size())).toList();
        String last = roles.get(roles.size() - 1);
        return "Requires role " + (roles.size() == 1 ? last
                : String.join(", ", roles.subList(0, roles.size() - 1)) + " or " + last);
    }

    private static String[] allowedRoles(ResourceInfo resource) {
        if (resource == null || resource.getResourceMethod() == null) {
            return new String[0];
        }
        RolesAllowed rolesAllowed = resource.getResourceMethod().getAnnotation(RolesAllowed.class);
        if (rolesAllowed == null && resource.getResourceClass() != null) {
            rolesAllowed = resource.getResourceClass().getAnnotation(RolesAllowed.class);
        }
        return rolesAllowed == null ? new String[0] : rolesAllowed.value();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        for (UnavailableDependency dependency : dependencies) {
            if (dependency.explains(e)) {
                // a dependency is down or busy for the moment: the client may retry, and should
                LOG.warnf("%s: %s unavailable (%s)", path(uri), dependency.name(), e.getClass().getSimpleName());
                return Response.fromResponse(ProblemResponses.of(ProblemType.SERVICE_UNAVAILABLE,
                                "The service's " + dependency.name() + " is unavailable for the moment; retry shortly",
                                path(uri)))
                        .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build();
            }
        }
        LOG.errorf(e, "Unhandled error on %s", path(uri));
        return ProblemResponses.of(ProblemType.INTERNAL,
                "An unexpected error occurred; quote the X-Request-Id header when reporting it", path(uri));
    }

    /** The detail of a problem that only has a status (from JAX-RS or the HTTP layer). */
    public static String defaultDetail(int status) {
        return switch (status) {
            case 404 -> "No resource at this path";
            case 405 -> "This method is not allowed on this path";
            case 406 -> "Only application/json (and application/problem+json) responses are available";
            case 413 -> "The request body is larger than 1 MiB";
            case 414 -> "The request target (path and query) is longer than 4096 characters";
            case 415 -> "Send the body as application/json";
            case 400 -> "The request is malformed";
            default -> ProblemType.forStatus(status).title();
        };
    }

    private static String wrongValueMessage(JsonMappingException e) {
        if (e instanceof RefusedValueException refused) {
            return refused.reason();
        }
        if (e instanceof InvalidFormatException format && format.getTargetType() != null
                && format.getTargetType().isEnum()) {
            return "must be one of " + Arrays.toString(format.getTargetType().getEnumConstants());
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "has the wrong type (expected " + friendlyType(mismatch.getTargetType()) + ")";
        }
        return "has an invalid value";
    }

    private static String friendlyType(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == java.time.LocalDate.class) {
            return "a date YYYY-MM-DD";
        }
        if (type == java.util.UUID.class) {
            return "a UUID";
        }
        if (type == String.class) {
            return "a string";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    /** The property name for body fields, the parameter name for query and path parameters. */
    private static String fieldName(ConstraintViolation<?> violation) {
        String name = "";
        boolean inBody = false;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                name = inBody && !name.isEmpty() ? name + "." + node.getName() : node.getName();
                inBody = true;
            } else if (node.getKind() == ElementKind.PARAMETER) {
                name = node.getName();
            }
        }
        return name;
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getRequestUri().getRawPath();
    }
}
