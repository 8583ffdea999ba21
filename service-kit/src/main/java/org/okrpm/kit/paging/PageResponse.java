package org.okrpm.kit.paging;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import java.util.List;
import java.util.function.Function;

/** The list envelope of docs/api.md: {@code {"items", "page", "size", "totalItems", "totalPages"}}. */
public record PageResponse<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

    /**
     * A page past the last one is empty, with the totals (docs/api.md): its offset is computed as a long and never
     * reaches the database, where {@code page * size} would overflow an int ({@code ?page=2147483647&size=200}).
     */
    public static <E, T> PageResponse<T> of(PanacheQuery<E> query, PageRequest request, Function<E, T> mapper) {
        long total = query.count();
        long offset = (long) request.page * request.size;
        List<T> items = List.of();
        if (offset < total && offset <= Integer.MAX_VALUE - request.size) {
            query.page(Page.of(request.page, request.size));
            items = query.list().stream().map(mapper).toList();
        }
        return new PageResponse<>(items, request.page, request.size, total, totalPages(total, request.size));
    }

    /** For lists built in memory (already filtered and ordered). */
    public static <T> PageResponse<T> of(List<T> all, PageRequest request) {
        int from = (int) Math.min((long) request.page * request.size, all.size());
        int to = Math.min(from + request.size, all.size());
        return new PageResponse<>(all.subList(from, to), request.page, request.size, all.size(),
                totalPages(all.size(), request.size));
    }

    private static int totalPages(long total, int size) {
        return (int) ((total + size - 1) / size);
    }
}
