package dev.orgservice.command.structure;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A position's holdings ({@link PositionNode}) after any sequence of assignments and vacancies answer "held at some
 * time of [start, end)" as a plain model does: days 0 to 19, each held or not, where an assignment of [from, to)
 * makes those days held and leaves the others as they were (what it replaces lies inside the range), and a vacancy
 * from a day clears that day and every later one.
 */
class HoldingsProperties {

    private static final int DAYS = 20;
    private static final Instant DAY_0 = Instant.parse("2030-01-01T00:00:00Z");

    /** A change: a vacancy from {@code from} when {@code to} is -1, else an assignment of [from, to) (to 20: open). */
    record Change(int from, int to) {
    }

    @Property(tries = 2000)
    void answerAsADayByDayModelDoes(@ForAll("changes") List<Change> changes, @ForAll("days") int start,
                                    @ForAll("days") int length) {
        PositionNode position = new PositionNode(UUID.randomUUID(), false, null, List.of(), List.of(), Instant.EPOCH);
        boolean[] held = new boolean[DAYS];
        for (Change change : changes) {
            if (change.to() < 0) {
                position = position.vacatedFrom(day(change.from()));
                for (int d = change.from(); d < DAYS; d++) {
                    held[d] = false;
                }
            } else {
                position = position.heldIn(day(change.from()), change.to() >= DAYS ? null : day(change.to()));
                for (int d = change.from(); d < Math.min(change.to(), DAYS); d++) {
                    held[d] = true;
                }
            }
        }
        int end = start + 1 + length;
        boolean expected = false;
        for (int d = start; d < Math.min(end, DAYS); d++) {
            expected |= held[d];
        }
        assertThat(position.heldDuring(day(start), end >= DAYS ? null : day(end)))
                .as("%s, held during days [%d, %d)", changes, start, end).isEqualTo(expected);
        List<PositionNode.Holding> holdings = position.holdings();
        assertThat(holdings).as("holdings never overlap: %s", holdings).allSatisfy(h -> assertThat(holdings.stream()
                .filter(o -> o != h).noneMatch(o -> o.overlaps(h.from(), h.to()))).isTrue());
    }

    @Provide
    Arbitrary<List<Change>> changes() {
        Arbitrary<Change> assignment = Arbitraries.integers().between(0, DAYS - 1).flatMap(from ->
                Arbitraries.integers().between(from + 1, DAYS).map(to -> new Change(from, to)));
        Arbitrary<Change> vacancy = Arbitraries.integers().between(0, DAYS - 1).map(from -> new Change(from, -1));
        return Arbitraries.frequencyOf(Tuple.of(3, assignment), Tuple.of(1, vacancy))
                .list().ofMaxSize(8);
    }

    @Provide
    Arbitrary<Integer> days() {
        return Arbitraries.integers().between(0, DAYS - 1);
    }

    private static Instant day(int day) {
        return DAY_0.plusSeconds(86_400L * day);
    }
}
