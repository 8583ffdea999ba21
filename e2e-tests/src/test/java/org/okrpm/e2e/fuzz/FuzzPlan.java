package org.okrpm.e2e.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * The hostile requests for one operation: each path id replaced by a bad one, each query parameter and each
 * body member (nested ones and array items included) given each hostile value in turn while everything else
 * stays valid, and the body as a whole made huge, deeply nested or not an object.
 */
final class FuzzPlan {

    private static final int HUGE = 1024 * 1024 + 64 * 1024;

    private final HostileValues values;
    private final BaselineBodies bodies;
    private final Fixtures fixtures;
    private final FuzzHttp http;
    private final String adminToken;
    private final Random random;
    private final UnaryOperator<JsonNode> resolve;

    FuzzPlan(HostileValues values, BaselineBodies bodies, Fixtures fixtures, FuzzHttp http, String adminToken,
             Random random, UnaryOperator<JsonNode> resolve) {
        this.resolve = resolve;
        this.values = values;
        this.bodies = bodies;
        this.fixtures = fixtures;
        this.http = http;
        this.adminToken = adminToken;
        this.random = random;
    }

    List<FuzzCase> cases(ApiOperation op) {
        Map<String, String> ids = pathIds(op);
        String path = fill(op.template(), ids);
        String collection = op.template().split("/").length > 3 ? op.template().split("/")[3] : "";
        JsonNode baseline = op.bodySchema() == null ? null : bodies.baseline(op.bodySchema(), collection);
        String baselineText = baseline == null ? null : Fixtures.json(baseline);
        String validBody = op.takesBody() ? (baselineText == null || op.bodyIsPatch() ? "{}" : baselineText) : null;
        FuzzHttp.BodyMode mode = op.takesBody() ? FuzzHttp.BodyMode.ANNOUNCED : FuzzHttp.BodyMode.NONE;
        List<FuzzCase> cases = new ArrayList<>();

        for (ApiOperation.Parameter parameter : op.pathParameters()) {
            for (HostileValues.Value value : values.forPathId()) {
                Map<String, String> bad = new LinkedHashMap<>(ids);
                bad.put(parameter.name(), value.text());
                cases.add(new FuzzCase(op, value.hostility(), "path " + parameter.name() + " = " + value.label(),
                        fill(op.template(), bad), null, validBody, mode, baselineText, true));
            }
        }
        cases.add(new FuzzCase(op, Hostility.UNKNOWN_PARAMETER, "query fuzzUnknown = 1", path, "fuzzUnknown=1",
                validBody, mode, baselineText, true));
        for (ApiOperation.Parameter parameter : op.queryParameters()) {
            for (HostileValues.Value value : values.forQuery()) {
                boolean refused = InputRules.refusesQuery(URLDecoder.decode(value.text(), StandardCharsets.UTF_8),
                        parameter.schema());
                cases.add(new FuzzCase(op, value.hostility(), "query " + parameter.name() + " = " + value.label(),
                        path, parameter.name() + "=" + value.text(), validBody, mode, baselineText, refused));
            }
        }
        if (baseline != null) {
            for (BaselineBodies.Field field : bodies.fields(op.bodySchema())) {
                for (HostileValues.Value value : values.forBody(field.schema())) {
                    String body = bodies.withValue(baseline, field, value.text(), op.bodyIsPatch());
                    if (body != null) {
                        cases.add(new FuzzCase(op, value.hostility(), "body " + field.name() + " = "
                                + value.label(), path, null, body, mode, baselineText,
                                InputRules.refuses(value.text(), field.schema(), resolve)));
                    }
                }
            }
        }
        if (op.takesBody()) {
            String huge = "{\"" + firstMember(baseline) + "\": \"" + "x".repeat(HUGE) + "\"}";
            cases.add(new FuzzCase(op, Hostility.HUGE_BODY, "body of " + huge.length() + " bytes, announced", path,
                    null, huge, FuzzHttp.BodyMode.ANNOUNCED, baselineText, true));
            cases.add(new FuzzCase(op, Hostility.HUGE_BODY, "body of " + (2 * huge.length()) + " bytes, chunked",
                    path, null, huge + " ".repeat(huge.length()), FuzzHttp.BodyMode.CHUNKED, baselineText, true));
            cases.add(new FuzzCase(op, Hostility.DEEP_NESTING, "body of " + HostileValues.DEEP + " nested arrays",
                    path, null, HostileValues.nestedArrays(HostileValues.DEEP), mode, baselineText, true));
            cases.add(new FuzzCase(op, Hostility.DEEP_NESTING, "body of " + HostileValues.DEEP + " nested objects",
                    path, null, HostileValues.nestedObjects(HostileValues.DEEP), mode, baselineText, true));
            cases.add(new FuzzCase(op, Hostility.NULL, "body null", path, null, "null", mode, baselineText, true));
            cases.add(new FuzzCase(op, Hostility.WRONG_TYPE, "body []", path, null, "[]", mode, baselineText, true));
            cases.add(new FuzzCase(op, Hostility.NAN_INFINITY, "body NaN", path, null, "NaN", mode, baselineText,
                    true));
        }
        return cases;
    }

    /**
     * A real id for each path parameter: the fixture of the collection the segment before it names, else the
     * first item of that collection's list, else (a collection without any item yet) an id nothing has.
     */
    private Map<String, String> pathIds(ApiOperation op) {
        Map<String, String> ids = new LinkedHashMap<>();
        String[] segments = op.template().split("/");
        StringBuilder prefix = new StringBuilder();
        for (int i = 1; i < segments.length; i++) {
            String segment = segments[i];
            if (segment.startsWith("{")) {
                String name = segment.substring(1, segment.length() - 1);
                String id = fixtures.idOf(segments[i - 1]);
                if (id == null) {
                    id = firstListed(prefix.toString());
                }
                ids.put(name, id);
                prefix.append('/').append(id);
            } else {
                prefix.append('/').append(segment);
            }
        }
        return ids;
    }

    private String firstListed(String listPath) {
        FuzzHttp.Answer answer = http.get(listPath, adminToken);
        if (answer.status() == 200) {
            JsonNode first = Fixtures.read(answer.body()).path("items").path(0).path("id");
            if (first.isTextual()) {
                return first.asText();
            }
        }
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    private static String fill(String template, Map<String, String> ids) {
        String path = template;
        for (Map.Entry<String, String> id : ids.entrySet()) {
            path = path.replace("{" + id.getKey() + "}", id.getValue());
        }
        return path;
    }

    private static String firstMember(JsonNode baseline) {
        return baseline != null && baseline.fieldNames().hasNext() ? baseline.fieldNames().next() : "payload";
    }
}
