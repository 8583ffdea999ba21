package org.okrpm.kit.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.okrpm.kit.problem.Problem;
import org.okrpm.kit.problem.ProblemType;

/** Problem bodies written outside JAX-RS (router handlers, where no Jackson provider runs). */
public final class ProblemJson {

    private ProblemJson() {
    }

    /** Ends the request with this problem (status, content type, body); set any extra headers before. */
    public static void end(RoutingContext ctx, ProblemType type, String detail) {
        ctx.response().setStatusCode(type.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(render(type, detail, ctx.request().path()));
    }

    /** As {@link #end(RoutingContext, ProblemType, String)}, naming {@code instance} instead of the request path. */
    public static void end(RoutingContext ctx, ProblemType type, String detail, String instance) {
        ctx.response().setStatusCode(type.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(render(type, detail, instance));
    }

    public static String render(ProblemType type, String detail, String instance) {
        return new JsonObject()
                .put("type", type.uri())
                .put("title", type.title())
                .put("status", type.status())
                .put("detail", detail)
                .put("instance", instance)
                .encode();
    }
}
