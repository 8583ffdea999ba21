package org.okrpm.kit.http;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a query parameter the operation does not declare with a 400 naming it: a misspelt or unsupported
 * filter ({@code ?cycleId=} on a list that cannot filter by cycle) would otherwise be ignored silently and the
 * caller shown everything as if it had been applied. What an operation declares is read once per resource method
 * from its {@code @QueryParam}s, also those inside a {@code @BeanParam} (paging).
 */
public class UnknownQueryParameters {

    private final Map<Method, Set<String>> declared = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public void refuseUnknown(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return;
        }
        Set<String> known = declared.computeIfAbsent(method, UnknownQueryParameters::queryParametersOf);
        for (String name : request.getUriInfo().getQueryParameters().keySet()) {
            if (!known.contains(name)) {
                throw new InvalidQueryParameterException(name, known.isEmpty()
                        ? "is not a parameter of this operation, which takes none"
                        : "is not a parameter of this operation (it takes " + String.join(", ", known) + ")");
            }
        }
    }

    static Set<String> queryParametersOf(Method method) {
        Set<String> names = new TreeSet<>();
        Annotation[][] annotations = method.getParameterAnnotations();
        Class<?>[] types = method.getParameterTypes();
        for (int i = 0; i < annotations.length; i++) {
            for (Annotation annotation : annotations[i]) {
                if (annotation instanceof QueryParam query) {
                    names.add(query.value());
                } else if (annotation instanceof BeanParam) {
                    names.addAll(queryFieldsOf(types[i]));
                }
            }
        }
        return names;
    }

    private static Set<String> queryFieldsOf(Class<?> bean) {
        Set<String> names = new TreeSet<>();
        for (Class<?> type = bean; type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                QueryParam query = field.getAnnotation(QueryParam.class);
                if (query != null) {
                    names.add(query.value());
                }
            }
        }
        return names;
    }
}
