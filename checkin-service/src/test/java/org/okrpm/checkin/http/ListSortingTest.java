package org.okrpm.checkin.http;

import static org.okrpm.kit.testing.SortingAssertions.sortsByItsFieldsAndRefusesOthers;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every list of checkin-service takes {@code ?sort=} with its documented fields and refuses any other one. */
@QuarkusTest
class ListSortingTest {

    @ParameterizedTest
    @CsvSource({
        "/api/v1/check-ins, createdAt, confidence",
        "/api/v1/reviews, heldOn, createdAt",
        "/api/v1/retrospectives, createdAt, updatedAt"})
    void eachListSortsByItsFieldsAndRefusesOthers(String path, String field, String other) {
        sortsByItsFieldsAndRefusesOthers(path, path, field, other);
    }
}
