package com.sqltables.confluence;

import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One page of a longer list.
 *
 * @param <T> the item type
 */
public final class Page<T> {
    private final List<T> items;
    private final int offset;
    private final int limit;
    private final int total;

    public Page(List<T> items, int offset, int limit, int total) {
        this.items = Collections.unmodifiableList(List.copyOf(items));
        this.offset = offset;
        this.limit = limit;
        this.total = total;
    }

    /** @return the items of this page, at most {@link #getLimit()} */
    public List<T> getItems() {
        return items;
    }

    /** @return how many items precede this page */
    public int getOffset() {
        return offset;
    }

    /** @return the requested page size */
    public int getLimit() {
        return limit;
    }

    /** @return the number of items in the whole list when the page was read */
    public int getTotal() {
        return total;
    }

    /** @return whether items follow this page */
    public boolean hasMore() {
        return offset + items.size() < total;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Page)) {
            return false;
        }
        Page<?> other = (Page<?>) o;
        return offset == other.offset && limit == other.limit && total == other.total && items.equals(other.items);
    }

    @Override
    public int hashCode() {
        return Objects.hash(items, offset, limit, total);
    }

    @Override
    public String toString() {
        return "Page{offset=" + offset + ", limit=" + limit + ", total=" + total + ", items=" + items + "}";
    }
}
