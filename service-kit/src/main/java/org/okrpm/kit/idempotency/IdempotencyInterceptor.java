package org.okrpm.kit.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.okrpm.kit.http.CurrentRequest;
import org.okrpm.kit.problem.ProblemException;
import org.okrpm.kit.problem.ProblemType;

/**
 * Idempotent POSTs. The first request with a key runs in one transaction with the key's record, so a
 * failed request leaves no record and may be retried; a repeat with the same body within 24 h gets the
 * first response again (with {@code Idempotent-Replayed: true}); a repeat with another body is 422.
 * The body is compared after JSON parsing, so whitespace and field order do not matter.
 */
@Idempotent
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER + 100)
public class IdempotencyInterceptor {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    static final Duration RETENTION = Duration.ofHours(24);

    @Inject
    CurrentVertxRequest currentRequest;

    @Inject
    CurrentRequest request;

    @Inject
    ObjectMapper mapper;

    @AroundInvoke
    Object aroundPost(InvocationContext ctx) throws Exception {
        HttpServerRequest http = currentRequest.getCurrent().request();
        String key = http.getHeader(HEADER);
        if (key == null || !"POST".equals(http.method().name())) {
            return ctx.proceed();
        }
        if (key.isBlank() || key.length() > 255) {
            throw ProblemException.invalid(HEADER, "must be 1 to 255 characters");
        }
        String caller = String.valueOf(request.userId());
        String id = sha256(caller + "\n" + key);
        String requestHash = sha256(http.path() + "\n" + bodyOf(ctx));
        return QuarkusTransaction.joiningExisting().call(() -> {
            IdempotencyRecord earlier = IdempotencyRecord.findById(id);
            if (earlier != null && earlier.createdAt.isAfter(Instant.now().minus(RETENTION))) {
                return replay(earlier, requestHash);
            }
            if (earlier != null) {
                earlier.delete();
            }
            IdempotencyRecord record = claim(id, requestHash);
            Object result = ctx.proceed();
            Object entity = result;
            record.status = 200;
            if (result instanceof Response response) {
                record.status = response.getStatus();
                record.location = response.getLocation() == null ? null : response.getLocation().toString();
                entity = response.getEntity();
            }
            record.body = entity == null ? null : mapper.writeValueAsString(entity);
            return result;
        });
    }

    private static IdempotencyRecord claim(String id, String requestHash) {
        IdempotencyRecord record = new IdempotencyRecord();
        record.id = id;
        record.requestHash = requestHash;
        record.createdAt = Instant.now();
        try {
            record.persistAndFlush();
        } catch (PersistenceException concurrentDuplicate) {
            throw ProblemException.conflict("A request with this Idempotency-Key is being processed; retry shortly");
        }
        return record;
    }

    private static Response replay(IdempotencyRecord earlier, String requestHash) {
        if (!earlier.requestHash.equals(requestHash)) {
            throw new ProblemException(ProblemType.UNPROCESSABLE,
                    "This Idempotency-Key was used with a different request body");
        }
        Response.ResponseBuilder response = Response.status(earlier.status).header(REPLAYED_HEADER, "true");
        if (earlier.location != null) {
            response.header("Location", earlier.location);
        }
        if (earlier.body != null) {
            response.entity(earlier.body).type(MediaType.APPLICATION_JSON);
        }
        return response.build();
    }

    /** The JSON of the parameters that carry the body: those without a JAX-RS annotation. */
    private String bodyOf(InvocationContext ctx) throws JsonProcessingException {
        Annotation[][] annotations = ctx.getMethod().getParameterAnnotations();
        List<Object> body = new ArrayList<>();
        for (int i = 0; i < annotations.length; i++) {
            if (!hasJaxRsAnnotation(annotations[i])) {
                body.add(ctx.getParameters()[i]);
            }
        }
        return mapper.writeValueAsString(body);
    }

    private static boolean hasJaxRsAnnotation(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            String pkg = annotation.annotationType().getPackageName();
            if (pkg.equals("jakarta.ws.rs") || pkg.equals("jakarta.ws.rs.core")
                    || pkg.startsWith("org.jboss.resteasy.reactive")) {
                return true;
            }
        }
        return false;
    }

    static String sha256(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
