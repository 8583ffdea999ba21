package org.okrpm.kit.http;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.Function;
import org.okrpm.kit.json.DateRange;

/**
 * docs/api.md wants a bad query parameter to be a 400, but JAX-RS answers 404 when a {@code @QueryParam} cannot
 * be converted ({@code ?cycleId=abc}, {@code ?size=ten}, {@code ?phase=DONE}). These converters parse query
 * parameters of the usual types themselves and fail with {@link InvalidQueryParameterException}, a 400
 * naming the parameter. Path parameters keep the JAX-RS behaviour: an invalid id in the path is a 404.
 */
@Provider
public class QueryParamConverters implements ParamConverterProvider {

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = queryParamName(annotations);
        if (name == null) {
            return null;
        }
        if (rawType == UUID.class) {
            return (ParamConverter<T>) new Converter<>(name, "a UUID", UUID::fromString);
        }
        if (rawType == Integer.class || rawType == int.class) {
            return (ParamConverter<T>) new Converter<>(name, "a whole number", Integer::valueOf);
        }
        if (rawType == Long.class || rawType == long.class) {
            return (ParamConverter<T>) new Converter<>(name, "a whole number", Long::valueOf);
        }
        if (rawType == Boolean.class || rawType == boolean.class) {
            // JAX-RS would read anything but "true" as false: ?current=yes must not quietly mean "no filter"
            return (ParamConverter<T>) new Converter<>(name, "true or false", QueryParamConverters::parseBoolean);
        }
        if (rawType == LocalDate.class) {
            // the same dates as in bodies: real days from 1900 to 9999, no +999999999-12-31
            return (ParamConverter<T>) new Converter<>(name, "a date YYYY-MM-DD from " + DateRange.MIN + " to "
                    + DateRange.MAX, DateRange::parse);
        }
        if (rawType == Instant.class) {
            return (ParamConverter<T>) new Converter<>(name, "an ISO-8601 instant", Instant::parse);
        }
        if (rawType.isEnum()) {
            Class<? extends Enum> type = (Class<? extends Enum>) rawType;
            return (ParamConverter<T>) new Converter<>(name, "one of " + Arrays.toString(type.getEnumConstants()),
                    value -> Enum.valueOf(type, value));
        }
        return null;
    }

    private static Boolean parseBoolean(String value) {
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.valueOf(value);
        }
        throw new IllegalArgumentException(value);
    }

    private static String queryParamName(Annotation[] annotations) {
        if (annotations == null) {
            return null;
        }
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam query) {
                return query.value();
            }
        }
        return null;
    }

    private record Converter<T>(String name, String expected, Function<String, T> parse) implements ParamConverter<T> {

        @Override
        public T fromString(String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                return parse.apply(value.trim());
            } catch (RuntimeException e) {
                throw new InvalidQueryParameterException(name, "must be " + expected);
            }
        }

        @Override
        public String toString(T value) {
            return value == null ? null : value.toString();
        }
    }
}
