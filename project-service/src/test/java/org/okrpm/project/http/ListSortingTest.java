package org.okrpm.project.http;

import static org.okrpm.kit.testing.SortingAssertions.sortsByItsFieldsAndRefusesOthers;
import static org.okrpm.project.ProjectFixtures.project;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every list of project-service takes {@code ?sort=} with its documented fields and refuses any other one. */
@QuarkusTest
class ListSortingTest {

    @ParameterizedTest
    @CsvSource({
        "/api/v1/projects, name, startDate",
        "/api/v1/projects/{id}/tasks, title, weight",
        "/api/v1/projects/{id}/costs, incurredOn, amount",
        "/api/v1/integrations, createdAt, updatedAt"})
    void eachListSortsByItsFieldsAndRefusesOthers(String template, String field, String other) {
        sortsByItsFieldsAndRefusesOthers(template, template.replace("{id}", project()), field, other);
    }
}
