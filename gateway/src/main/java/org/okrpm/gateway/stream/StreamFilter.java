package org.okrpm.gateway.stream;

import io.vertx.core.MultiMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What one client asked to see: {@code ?cycleId=}, {@code ?objectiveId=}, {@code ?projectId=} and
 * {@code ?types=} (comma list), all optional and combined with AND. An id filter selects the events whose
 * snapshot carries that id ({@link StreamEvent}; docs/api.md, Live stream): a {@code cycleId} selects the cycle,
 * its objectives, key results and check-ins, the tasks linked to its key results and the projects linked to
 * them; an {@code objectiveId} the objective, its key results and check-ins, and the tasks and projects linked
 * to its key results; a {@code projectId} the project and its tasks.
 */
record StreamFilter(String cycleId, String objectiveId, String projectId, Set<String> types) {

    static final List<String> PARAMETERS = List.of("cycleId", "objectiveId", "projectId", "types");

    private static final Pattern UUID = Pattern.compile(
            "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    /** A query parameter that cannot be honoured: the client gets a 400 naming it. */
    static final class Invalid extends RuntimeException {
        final String parameter;
        final String problem;

        Invalid(String parameter, String problem) {
            super(parameter + " " + problem, null, false, false);
            this.parameter = parameter;
            this.problem = problem;
        }
    }

    static StreamFilter parse(MultiMap query) {
        for (String name : query.names()) {
            if (!PARAMETERS.contains(name)) {
                throw new Invalid(name, "is not a parameter of this operation (it takes "
                        + String.join(", ", PARAMETERS) + ")");
            }
            if (query.getAll(name).size() > 1) {
                throw new Invalid(name, "must be given once");
            }
        }
        return new StreamFilter(id(query, "cycleId"), id(query, "objectiveId"), id(query, "projectId"),
                types(query.get("types")));
    }

    boolean matches(StreamEvent event) {
        return (cycleId == null || event.cycleIds().contains(cycleId))
                && (objectiveId == null || event.objectiveIds().contains(objectiveId))
                && (projectId == null || projectId.equals(event.projectId()))
                && (types == null || types.contains(event.name()));
    }

    private static String id(MultiMap query, String name) {
        String value = query.get(name);
        if (value == null) {
            return null;
        }
        if (!UUID.matcher(value).matches()) {
            throw new Invalid(name, "must be a UUID");
        }
        return value.toLowerCase(Locale.ROOT);
    }

    private static Set<String> types(String value) {
        if (value == null) {
            return null;
        }
        Set<String> types = new LinkedHashSet<>();
        for (String type : value.split(",", -1)) {
            String name = type.strip();
            if (!StreamEventTypes.ALL.contains(name)) {
                throw new Invalid("types", "must be a comma-separated list of "
                        + String.join(", ", StreamEventTypes.ALL));
            }
            types.add(name);
        }
        return Set.copyOf(types);
    }
}
