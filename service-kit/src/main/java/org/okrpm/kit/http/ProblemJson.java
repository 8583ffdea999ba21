package org.okrpm.kit.http;

import io.vertx.core.json.JsonObject;
import org.okrpm.kit.problem.ProblemType;

/** Problem bodies written outside JAX-RS (router handlers, where no Jackson provider runs). */
public final class ProblemJson {

    private ProblemJson() {
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
