package org.compliancerunner.batch;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.ToLongFunction;

import org.springframework.batch.infrastructure.item.ItemReader;

/**
 * Reads rows in id order, a page at a time, each page starting after the last id read. It keeps no restart state:
 * queries leave out what a step already finished, so a restarted step reads exactly what is left.
 * <p>
 * Not {@code JdbcPagingItemReader}, which pages the same way: that reader needs its SQL here, against the catalog's
 * tables, where the pages come from the catalog's own queries ({@code SweepQueue.unfinished}, {@code Videos.judged})
 * and their record mapping; and the restart position it would store is meaningless once finished rows leave them.
 */
class KeysetReader<T> implements ItemReader<T> {

    /** One page of rows with ids above {@code afterId}, in id order. */
    @FunctionalInterface
    interface Page<T> {
        List<T> after(long afterId, int max);
    }

    private final Page<T> pages;
    private final ToLongFunction<T> id;
    private final int size;
    private final Deque<T> page = new ArrayDeque<>();
    private long lastId;
    private boolean exhausted;

    KeysetReader(Page<T> pages, ToLongFunction<T> id, int size) {
        this.pages = pages;
        this.id = id;
        this.size = size;
    }

    @Override
    public T read() {
        if (page.isEmpty() && !exhausted) {
            List<T> next = pages.after(lastId, size);
            exhausted = next.size() < size;
            page.addAll(next);
        }
        T row = page.poll();
        if (row != null) {
            lastId = id.applyAsLong(row);
        }
        return row;
    }
}
