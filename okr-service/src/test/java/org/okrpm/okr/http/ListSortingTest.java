package org.okrpm.okr.http;

import static org.okrpm.kit.testing.SortingAssertions.sortsByItsFieldsAndRefusesOthers;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every list of okr-service takes {@code ?sort=} with its documented fields and refuses any other one. */
@QuarkusTest
class ListSortingTest {

    @ParameterizedTest
    @CsvSource({
        "/api/v1/cycles, name, updatedAt",
        "/api/v1/objectives, title, progress",
        "/api/v1/key-results, confidence, updatedAt",
        "/api/v1/webhooks, url, updatedAt"})
    void eachListSortsByItsFieldsAndRefusesOthers(String path, String field, String other) {
        sortsByItsFieldsAndRefusesOthers(path, path, field, other);
    }
}
