package org.okrpm.kit.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The in-memory list envelope: {@code PageResponse.of(List, PageRequest)}. */
class PageResponseTest {

    private static final List<Integer> SEVEN = IntStream.range(0, 7).boxed().toList();

    @Test
    void theFirstPageHoldsTheFirstSizeItemsAndTheTotals() {
        PageResponse<Integer> page = PageResponse.of(SEVEN, new PageRequest(0, 3));

        assertEquals(List.of(0, 1, 2), page.items());
        assertEquals(0, page.page());
        assertEquals(3, page.size());
        assertEquals(7, page.totalItems());
        assertEquals(3, page.totalPages());
    }

    @Test
    void aMiddlePageIsTheNextSlice() {
        assertEquals(List.of(3, 4, 5), PageResponse.of(SEVEN, new PageRequest(1, 3)).items());
    }

    @Test
    void theLastPageMayBePartial() {
        PageResponse<Integer> page = PageResponse.of(SEVEN, new PageRequest(2, 3));

        assertEquals(List.of(6), page.items());
        assertEquals(2, page.page());
        assertEquals(7, page.totalItems());
        assertEquals(3, page.totalPages());
    }

    @Test
    void anExactMultipleHasNoExtraPage() {
        PageResponse<Integer> page = PageResponse.of(SEVEN.subList(0, 6), new PageRequest(1, 3));

        assertEquals(List.of(3, 4, 5), page.items());
        assertEquals(2, page.totalPages());
        assertEquals(6, page.totalItems());
    }

    @Test
    void aPageBeyondTheEndIsEmptyButKeepsTheTotalsAndTheRequest() {
        for (int beyond : new int[] {3, 4, 1_000, Integer.MAX_VALUE}) {
            PageResponse<Integer> page = PageResponse.of(SEVEN, new PageRequest(beyond, 3));

            assertTrue(page.items().isEmpty(), "page " + beyond);
            assertEquals(beyond, page.page());
            assertEquals(3, page.size());
            assertEquals(7, page.totalItems());
            assertEquals(3, page.totalPages());
        }
    }

    @Test
    void aPageLargerThanTheListHoldsItAll() {
        PageResponse<Integer> page = PageResponse.of(SEVEN, new PageRequest(0, PageRequest.MAX_SIZE));

        assertEquals(SEVEN, page.items());
        assertEquals(1, page.totalPages());
    }

    @Test
    void anEmptyListHasNoPages() {
        PageResponse<Integer> page = PageResponse.of(List.of(), new PageRequest(0, 20));

        assertTrue(page.items().isEmpty());
        assertEquals(0, page.totalItems());
        assertEquals(0, page.totalPages());
    }

    @Test
    void sizeOneGivesOnePagePerItem() {
        PageResponse<Integer> page = PageResponse.of(SEVEN, new PageRequest(6, 1));

        assertEquals(List.of(6), page.items());
        assertEquals(7, page.totalPages());
    }
}
