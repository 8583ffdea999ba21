package org.okrpm.kit.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.panache.common.Sort;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.okrpm.kit.http.InvalidQueryParameterException;

/** {@code ?sort=field,-field}: the allowed fields in the asked order, the id last; anything else a 400 on sort. */
class SortingTest {

    private static final Sort DEFAULT = Sort.by("createdAt").and("id");
    private static final Sorting SORTING = Sorting.fields("title, dueDate, createdAt", DEFAULT);

    private static List<String> columns(Sort sort) {
        return sort.getColumns().stream()
                .map(c -> (c.getDirection() == Sort.Direction.Descending ? "-" : "") + c.getName()).toList();
    }

    @Test
    void noOrBlankSortIsTheListsOwnOrder() {
        assertSame(DEFAULT, SORTING.parse(null));
        assertSame(DEFAULT, SORTING.parse(""));
        assertSame(DEFAULT, SORTING.parse("  "));
    }

    @Test
    void fieldsKeepTheirOrderAndDirectionAndTheIdBreaksTies() {
        assertEquals(List.of("title", "id"), columns(SORTING.parse("title")));
        assertEquals(List.of("-dueDate", "title", "id"), columns(SORTING.parse("-dueDate,title")));
        assertEquals(List.of("createdAt", "-title", "id"), columns(SORTING.parse(" createdAt , -title ")));
    }

    @Test
    void theApiNameMapsToTheEntityProperty() {
        Sorting mapped = Sorting.of(Map.of("due", "dueDate"), DEFAULT);
        assertEquals(List.of("-dueDate", "id"), columns(mapped.parse("-due")));
        refused(mapped, "dueDate", "may be by due");
    }

    @Test
    void anUnknownFieldIsRefusedNamingTheAllowedOnes() {
        InvalidQueryParameterException e = refused(SORTING, "priority", "'priority'");
        assertTrue(e.problem().contains("title, dueDate, createdAt"), e.problem());
        refused(SORTING, "id", "'id'");
        refused(SORTING, "Title", "'Title'");
    }

    @Test
    void malformedValuesAreRefused() {
        for (String bad : new String[] {",", "title,", ",title", "title,,dueDate", "-", "title,-", "--title"}) {
            refused(SORTING, bad, "");
        }
        refused(SORTING, "title,-title", "twice");
    }

    private static InvalidQueryParameterException refused(Sorting sorting, String value, String mentions) {
        InvalidQueryParameterException e = assertThrows(InvalidQueryParameterException.class,
                () -> sorting.parse(value), value);
        assertEquals("sort", e.parameter());
        assertTrue(e.problem().contains(mentions), e.problem());
        return e;
    }
}
