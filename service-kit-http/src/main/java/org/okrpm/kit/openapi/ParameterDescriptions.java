package org.okrpm.kit.openapi;

import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * A description for every parameter the resources leave undescribed, from the conventions they follow: a path
 * {@code id} or {@code <thing>Id} names a resource, a query parameter filters the list by that field, and
 * {@code If-Match} carries an ETag. Resources describe anything else themselves.
 */
final class ParameterDescriptions {

    private ParameterDescriptions() {
    }

    static void apply(Operation operation) {
        if (operation.getParameters() == null) {
            return;
        }
        operation.getParameters().stream().filter(p -> p.getDescription() == null || p.getDescription().isBlank())
                .forEach(p -> {
                    String description = describe(p);
                    if (description != null) {
                        p.setDescription(description);
                    }
                });
    }

    private static String describe(Parameter parameter) {
        String name = parameter.getName();
        if (name == null || parameter.getIn() == null) {
            return null;
        }
        return switch (parameter.getIn()) {
            case PATH -> "id".equals(name) ? "The resource's id (a UUID)" : "The " + words(name) + " (a UUID)";
            case QUERY -> name.endsWith("Id") ? "Only items of this " + words(name.substring(0, name.length() - 2))
                    + " (its id)" : "Only items whose " + words(name) + " is this value";
            case HEADER -> "If-Match".equalsIgnoreCase(name)
                    ? "The ETag (version) the change is based on, e.g. \"3\"; a stale one is 412" : null;
            default -> null;
        };
    }

    /** {@code keyResultId} → "key result id". */
    private static String words(String camel) {
        return camel.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
    }
}
