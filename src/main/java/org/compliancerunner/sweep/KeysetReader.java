package org.compliancerunner.sweep;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.ToLongFunction;

import org.springframework.batch.infrastructure.item.ItemReader;

/**
 * Reads rows in key order (an id, a claim number), a page at a time, each page starting after the last key read. It
 * keeps no restart state:
 * the queries leave out what a step already finished, so a restarted step reads exactly what is left.
 * <p>
 * Not {@code JdbcPagingItemReader}, which pages the same way: that reader needs its SQL here, against the catalog's
 * tables, where the pages come from the catalog's own queries ({@code SweepQueue.unfinished}, {@code Videos.judged})
 * and their record mapping; and the restart position it would store is meaningless once finished rows leave them.
 */
class KeysetReader<T> implements ItemReader<T> {

    /** One page of up to {@code max} rows with keys above {@code afterKey}, in key order; empty when none are left. */
    @FunctionalInterface
    interface Page<T> {
        List<T> after(long afterKey, int max);
    }

    private final Page<T> pages;
    private final ToLongFunction<T> key;
    private final int size;
    private final Deque<T> page = new ArrayDeque<>();
    private long lastKey;
    private boolean exhausted;

    KeysetReader(Page<T> pages, ToLongFunction<T> key, int size) {
        this.pages = pages;
        this.key = key;
        this.size = size;
    }

    @Override
    public T read() {
        if (page.isEmpty() && !exhausted) {
            List<T> next = pages.after(lastKey, size);
            exhausted = next.isEmpty(); // a short page is not the last: a claiming page may find more later
            page.addAll(next);
        }
        T row = page.poll();
        if (row != null) {
            lastKey = key.applyAsLong(row);
        }
        return row;
    }
}
