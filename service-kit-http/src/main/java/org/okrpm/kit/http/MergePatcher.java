package org.okrpm.kit.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.okrpm.kit.json.RequestJson;
import org.okrpm.kit.problem.Problem;
import org.okrpm.kit.problem.ProblemException;
import org.okrpm.kit.problem.ProblemType;

/**
 * JSON merge patch (RFC 7386) onto a record of a resource's writable fields: members present in the patch
 * replace the current ones, {@code null} clears one; a member that is not writable is a 400. The result
 * is validated like a create body, and read with the same strict rules ({@link RequestJson}).
 */
@ApplicationScoped
public class MergePatcher {

    public static final String MEDIA_TYPE = "application/merge-patch+json";

    @Inject
    ObjectMapper mapper;

    @Inject
    RequestJson requestJson;

    @Inject
    Validator validator;

    public <T> T apply(T current, JsonNode patch, Class<T> writable) {
        if (!(patch instanceof ObjectNode patchObject)) {
            throw ProblemException.invalid("body", "must be a JSON object");
        }
        ObjectNode target = mapper.valueToTree(current);
        List<Problem.FieldError> unknown = new ArrayList<>();
        patchObject.fieldNames().forEachRemaining(name -> {
            if (!target.has(name)) {
                unknown.add(new Problem.FieldError(name, "is not a writable field"));
            }
        });
        if (!unknown.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "The patch names fields that cannot be changed",
                    unknown, null);
        }
        merge(target, patchObject);
        T result;
        try {
            result = requestJson.mapper().treeToValue(target, writable);
        } catch (JsonProcessingException e) {
            throw new PatchUnreadableException(e);
        }
        Set<ConstraintViolation<T>> violations = validator.validate(result);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return result;
    }

    private static void merge(ObjectNode target, ObjectNode patch) {
        Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            JsonNode existing = target.get(field.getKey());
            if (value.isObject() && existing instanceof ObjectNode existingObject) {
                merge(existingObject, (ObjectNode) value);
            } else {
                target.set(field.getKey(), value);
            }
        }
    }

    /** A patch value of the wrong type; carries Jackson's exception to the problem mapper. */
    public static class PatchUnreadableException extends RuntimeException {
        public PatchUnreadableException(JsonProcessingException cause) {
            super(cause);
        }
    }
}
