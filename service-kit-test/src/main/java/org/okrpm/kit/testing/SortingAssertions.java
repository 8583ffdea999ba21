package org.okrpm.kit.testing;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.okrpm.kit.testing.ProblemAssertions.assertProblem;
import static org.okrpm.kit.testing.TestTokens.api;
import static org.okrpm.kit.testing.TestTokens.asAdmin;

/** The {@code ?sort=} convention of every list (docs/api.md, Lists), checked the same way in every service. */
public final class SortingAssertions {

    private SortingAssertions() {
    }

    /**
     * The list at {@code path} sorts by {@code field} and by {@code -other,field}, refuses an unknown or empty
     * field with a 400 naming {@code sort} and listing its fields, and, when {@code template} (the OpenAPI path)
     * has no path parameter, documents both fields in its {@code sort} parameter.
     */
    public static void sortsByItsFieldsAndRefusesOthers(String template, String path, String field, String other) {
        asAdmin().queryParam("sort", field).get(path).then().statusCode(200);
        asAdmin().queryParam("sort", "-" + other + "," + field).get(path).then().statusCode(200);

        assertProblem(asAdmin().queryParam("sort", "no-such-field").get(path).then(), 400)
                .body("errors[0].field", is("sort"))
                .body("detail", containsString(field));
        assertProblem(asAdmin().queryParam("sort", field + ",,").get(path).then(), 400)
                .body("errors[0].field", is("sort"));
        if (!template.contains("{")) {
            // the allowed fields are documented where client generators and frontend teams look
            api().accept("application/json").get("/q/openapi").then().statusCode(200)
                    .body("paths.'" + template + "'.get.parameters.find { it.name == 'sort' }.description",
                            allOf(containsString(field), containsString(other)));
        }
    }
}
