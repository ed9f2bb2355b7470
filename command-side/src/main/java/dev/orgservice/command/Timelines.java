package dev.orgservice.command;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Effective-dated values kept by the aggregates as short lists of entries in time order, each in effect from its
 * instant until the next entry's (the first may be from null: since the beginning). A change recorded for an instant
 * that already has an entry replaces it; one recorded for another instant leaves the others, so a change scheduled
 * for later stays.
 */
public final class Timelines {

    private Timelines() {
    }

    /** The entry in effect at {@code at}. */
    public static <T> T inEffectAt(List<T> timeline, Instant at, Function<T, Instant> from) {
        T current = timeline.get(0);
        for (T entry : timeline) {
            Instant start = from.apply(entry);
            if (start != null && start.isAfter(at)) {
                break;
            }
            current = entry;
        }
        return current;
    }

    /** A copy of the timeline with {@code entry} in place of any entry from the same instant, in time order. */
    public static <T> List<T> replacedAt(List<T> timeline, T entry, Function<T, Instant> from) {
        List<T> after = new ArrayList<>(timeline.size() + 1);
        timeline.stream().filter(each -> !from.apply(entry).equals(from.apply(each))).forEach(after::add);
        after.add(entry);
        after.sort(Comparator.comparing(from, Comparator.nullsFirst(Comparator.naturalOrder())));
        return after;
    }
}
