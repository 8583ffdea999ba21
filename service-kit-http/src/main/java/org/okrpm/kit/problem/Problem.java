package org.okrpm.kit.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem details body. {@code errors} is present only for validation failures;
 * {@code extensions} carries problem-specific members (e.g. the open tasks of a project that cannot close).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 9457 problem details")
public record Problem(
        @Schema(example = "https://okrpm.org/problems/validation") String type,
        @Schema(example = "Invalid request") String title,
        @Schema(example = "400") int status,
        @Schema(example = "targetValue must not equal startValue") String detail,
        @Schema(example = "/api/v1/objectives/8d7c.../key-results") String instance,
        List<FieldError> errors,
        @Schema(hidden = true) @com.fasterxml.jackson.annotation.JsonIgnore Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";

    @Schema(name = "FieldError")
    public record FieldError(@Schema(example = "targetValue") String field,
                             @Schema(example = "must not equal startValue") String message) {
    }

    @JsonAnyGetter
    Map<String, Object> anyExtensions() {
        return extensions == null ? Map.of() : extensions;
    }
}
