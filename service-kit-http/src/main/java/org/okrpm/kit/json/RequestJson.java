package org.okrpm.kit.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.arc.Unremovable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.LocalDate;

/**
 * The strict reading of request bodies (docs/input-limits.md): the application's
 * ObjectMapper, copied, with the kit's rules. Request bodies only ({@link RequestJsonResolver} gives it to Quarkus
 * REST, {@link org.okrpm.kit.http.MergePatcher} uses it): events, stored rows and other services' answers keep the
 * lenient mapper, so data from before these rules never becomes unreadable.
 * <ul>
 *   <li>no scalar coercion: {@code "name": true}, {@code "weight": "2"}, {@code "done": 1} and
 *       {@code "startDate": 12345} are wrong types;</li>
 *   <li>nothing after the JSON value, no duplicate member names, no null for a primitive;</li>
 *   <li>numbers: {@link BoundedNumbers}; text: {@link CleanText}; dates: {@link DateRange};</li>
 *   <li>{@code NaN} and {@code Infinity} literals are read, so that they are refused naming their field rather than
 *       as unreadable JSON.</li>
 * </ul>
 */
@Singleton
@Unremovable
public class RequestJson {

    private final ObjectMapper strict;

    @Inject
    public RequestJson(ObjectMapper application) {
        this.strict = strict(application);
    }

    public ObjectMapper mapper() {
        return strict;
    }

    /** A strict copy of {@code base}; public for plain unit tests of the rules. */
    public static ObjectMapper strict(ObjectMapper base) {
        ObjectMapper mapper = base.copy();
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
                DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS.mappedFeature());
        mapper.setDefaultLeniency(false);
        for (LogicalType type : LogicalType.values()) {
            mapper.coercionConfigFor(type)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        }
        // the shapes each type is naturally read from stay allowed
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.String, CoercionAction.TryConvert)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.TryConvert);
        mapper.coercionConfigFor(LogicalType.Enum).setCoercion(CoercionInputShape.String, CoercionAction.TryConvert);
        mapper.coercionConfigFor(LogicalType.OtherScalar)
                .setCoercion(CoercionInputShape.String, CoercionAction.TryConvert);
        mapper.coercionConfigFor(LogicalType.DateTime).setCoercion(CoercionInputShape.String, CoercionAction.TryConvert);
        mapper.coercionConfigFor(LogicalType.Float).setCoercion(CoercionInputShape.Integer, CoercionAction.TryConvert)
                .setCoercion(CoercionInputShape.Float, CoercionAction.TryConvert);
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Integer, CoercionAction.TryConvert);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Boolean, CoercionAction.TryConvert);
        SimpleModule text = new SimpleModule("okrpm-strict-text-and-dates");
        text.addDeserializer(String.class, new CleanText());
        text.addDeserializer(LocalDate.class, new DateRange());
        mapper.registerModule(text);
        mapper.registerModule(BoundedNumbers.module());
        return mapper;
    }
}
