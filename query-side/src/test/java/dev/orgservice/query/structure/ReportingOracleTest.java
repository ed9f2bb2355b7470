package dev.orgservice.query.structure;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orgservice.api.structure.PositionClosedEvent;
import dev.orgservice.api.structure.ImportedPosition;
import dev.orgservice.api.structure.PositionCreatedEvent;
import dev.orgservice.api.structure.PositionHolderAssignedEvent;
import dev.orgservice.api.structure.PositionManagerRoleChangedEvent;
import dev.orgservice.api.structure.PositionMovedEvent;
import dev.orgservice.api.structure.PositionReportingLinesChangedEvent;
import dev.orgservice.api.structure.PositionsImportedEvent;
import dev.orgservice.api.structure.UnitCreatedEvent;
import dev.orgservice.api.structure.UnitDetails;
import dev.orgservice.api.structure.UnitMovedEvent;
import dev.orgservice.api.structure.UnitType;
import dev.orgservice.platform.testing.Http;
import dev.orgservice.platform.testing.TestTokens;
import dev.orgservice.query.QuerySideIntegrationTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random loop-free organizations with effective-dated moves (of positions and units),
 * changes of lines and of role and closes, recorded in random order, against a model written from docs/api.md ("The
 * unit's manager", "Management chains never loop"): the management chain, the direct and indirect reports and each
 * unit's manager must be what the model says at every asOf, and reports must be the inverse of the chains.
 * Loop-free by construction: every unit has a level (its parent's plus one, kept by unit moves), positions move only
 * between units of one level, and explicit lines lead only to positions of a lower level. Six seeds by default (about
 * ten seconds each); {@code -Doracle.from=1 -Doracle.to=40} for a longer search. Written by a review, 2026-11-28.
 */
class ReportingOracleTest extends QuerySideIntegrationTest {

    private static final Instant MIN = Instant.parse("0001-01-01T00:00:00Z");

    /** A position in the model: its timelines keyed by the instant a value holds from ({@link #MIN}: as created). */
    static final class Pos {
        final int index;
        final UUID id = UUID.randomUUID();
        final int level;
        Instant created;
        final TreeMap<Instant, UUID> units = new TreeMap<>();
        final TreeMap<Instant, Boolean> roles = new TreeMap<>();
        final TreeMap<Instant, UUID> lines = new TreeMap<>(); // null value: no explicit line
        Instant closedFrom;
        String person;
        Instant heldFrom;

        Pos(int index, int level) {
            this.index = index;
            this.level = level;
        }

        UUID unitAt(Instant at) {
            return units.floorEntry(at).getValue();
        }

        boolean managerAt(Instant at) {
            return roles.floorEntry(at).getValue();
        }

        UUID lineAt(Instant at) {
            return lines.floorEntry(at).getValue();
        }

        boolean openAt(Instant at) {
            return closedFrom == null || closedFrom.isAfter(at);
        }

        /** Since the latest of its creation, its arrival and its becoming what it is (consecutive stays as one). */
        Instant roleSince(Instant at) {
            TreeMap<Instant, Boolean> changes = new TreeMap<>();
            units.keySet().forEach(t -> changes.put(t, true));
            roles.keySet().forEach(t -> changes.put(t, true));
            for (Instant change : changes.headMap(at, true).descendingKeySet()) {
                if (change.equals(MIN)) {
                    break;
                }
                Instant before = change.minusNanos(1);
                if (!unitAt(change).equals(unitAt(before)) || managerAt(change) != managerAt(before)) {
                    return change.isAfter(created) ? change : created;
                }
            }
            return created;
        }
    }

    private UUID tenantId;
    private String viewer;
    private long position;
    private final Map<UUID, Integer> unitLevel = new HashMap<>();
    private final Map<UUID, TreeMap<Instant, UUID>> unitParents = new HashMap<>();
    private final Map<UUID, String> unitCodes = new HashMap<>();
    private final List<Pos> positions = new ArrayList<>();
    private final Map<UUID, Pos> byId = new HashMap<>();

    @Test
    void chainsReportsAndManagersAgreeWithTheModelAtEveryDate() {
        for (long seed = Long.getLong("oracle.from", 1); seed <= Long.getLong("oracle.to", 6); seed++) {
            runSeed(seed);
        }
    }

    private void runSeed(long seed) {
        Random random = new Random(seed);
        unitLevel.clear();
        unitParents.clear();
        unitCodes.clear();
        positions.clear();
        byId.clear();
        tenantId = newTenant("o").value();
        viewer = TestTokens.forTenant(tenantId, "viewer", "ORG_VIEWER");
        Instant base = Instant.parse("2000-01-01T00:00:00Z");
        List<Object> events = new ArrayList<>();
        List<UUID> units = new ArrayList<>();
        for (int u = 0; u < 7; u++) {
            UUID id = UUID.randomUUID();
            int level;
            UUID parent;
            if (u == 0) {
                level = 0;
                parent = null;
            } else {
                int maxLevel = units.stream().mapToInt(unitLevel::get).max().orElse(0);
                level = 1 + random.nextInt(Math.min(maxLevel, 2) + 1);
                int parentLevel = level - 1;
                List<UUID> candidates = units.stream().filter(x -> unitLevel.get(x) == parentLevel).toList();
                parent = candidates.get(random.nextInt(candidates.size()));
            }
            units.add(id);
            unitLevel.put(id, level);
            Instant created = u == 0 || random.nextInt(4) > 0 ? base
                    : Instant.parse((2020 + random.nextInt(8)) + "-01-01T00:00:00Z");
            if (parent != null && unitParents.get(parent).firstKey().isAfter(created)) {
                created = unitParents.get(parent).firstKey();
            }
            TreeMap<Instant, UUID> parents = new TreeMap<>();
            parents.put(created, parent);
            unitParents.put(id, parents);
            unitCodes.put(id, "U" + u);
            events.add(new UnitCreatedEvent(tenantId, id, u == 0 ? UnitType.LEGAL_ENTITY : UnitType.DEPARTMENT,
                    "U" + u + "-" + seed, "U" + u, parent, created, UnitDetails.NONE));
        }
        Set<Integer> closable = new HashSet<>();
        for (int p = 0; p < 12; p++) {
            UUID unit = units.get(random.nextInt(units.size()));
            Pos pos = new Pos(p, unitLevel.get(unit));
            pos.units.put(MIN, unit);
            pos.roles.put(MIN, random.nextInt(10) < 4);
            pos.lines.put(MIN, null);
            if (random.nextInt(10) < 3) {
                closable.add(p);
            }
            positions.add(pos);
            byId.put(pos.id, pos);
        }
        List<ImportedPosition> imported = new ArrayList<>();
        for (Pos pos : positions) {
            if (random.nextInt(10) < 3) {
                pos.lines.put(MIN, target(random, pos, closable));
            }
            // people 0..8 hold positions 0..8; positions 9..11 go to one of them, unless closable
            List<Integer> sharable = new ArrayList<>();
            for (int other = 0; other < 9; other++) {
                if (!closable.contains(other)) {
                    sharable.add(other);
                }
            }
            pos.person = "p" + (pos.index < 9 || closable.contains(pos.index) || sharable.isEmpty() ? pos.index
                    : sharable.get(random.nextInt(sharable.size())));
            pos.heldFrom = random.nextBoolean() ? Instant.parse("1990-01-01T00:00:00Z")
                    : Instant.parse((2019 + random.nextInt(12)) + "-01-01T00:00:00Z");
            if (random.nextInt(3) == 0) {
                imported.add(new ImportedPosition(pos.id, pos.units.get(MIN), "P" + pos.index, pos.roles.get(MIN),
                        pos.lines.get(MIN), pos.person, pos.heldFrom));
                continue;
            }
            if (!imported.isEmpty()) {
                events.add(new PositionsImportedEvent(tenantId, UUID.randomUUID(), 0, 1, List.copyOf(imported)));
                imported.clear();
            }
            events.add(new PositionCreatedEvent(tenantId, pos.id, pos.units.get(MIN), "P" + pos.index,
                    pos.roles.get(MIN), pos.lines.get(MIN), List.of()));
            events.add(new PositionHolderAssignedEvent(tenantId, pos.id, pos.person, pos.heldFrom, null));
        }
        if (!imported.isEmpty()) {
            events.add(new PositionsImportedEvent(tenantId, UUID.randomUUID(), 0, 1, List.copyOf(imported)));
        }
        for (int change = 0; change < 18; change++) {
            Instant at = Instant.parse((2021 + random.nextInt(15)) + "-01-01T00:00:00Z");
            Pos pos = positions.get(random.nextInt(positions.size()));
            switch (random.nextInt(5)) {
                case 0 -> {
                    UUID line = random.nextBoolean() ? null : target(random, pos, closable);
                    pos.lines.put(at, line);
                    events.add(new PositionReportingLinesChangedEvent(tenantId, pos.id, line, List.of(), at));
                }
                case 1 -> {
                    List<UUID> same = units.stream().filter(u -> unitLevel.get(u) == pos.level).toList();
                    UUID to = same.get(random.nextInt(same.size()));
                    if (!to.equals(pos.unitAt(at))) {
                        events.add(new PositionMovedEvent(tenantId, pos.id, pos.unitAt(at), to, at));
                        pos.units.put(at, to);
                    }
                }
                case 2 -> {
                    boolean manager = random.nextBoolean();
                    if (pos.managerAt(at) != manager) {
                        pos.roles.put(at, manager);
                        events.add(new PositionManagerRoleChangedEvent(tenantId, pos.id, manager, at));
                    }
                }
                case 3 -> {
                    if (closable.contains(pos.index) && pos.closedFrom == null) {
                        pos.closedFrom = at;
                        events.add(new PositionClosedEvent(tenantId, pos.id, at));
                    }
                }
                default -> {
                    UUID unit = units.get(1 + random.nextInt(units.size() - 1));
                    int parentLevel = unitLevel.get(unit) - 1;
                    List<UUID> candidates = units.stream().filter(x -> unitLevel.get(x) == parentLevel).toList();
                    UUID to = candidates.get(random.nextInt(candidates.size()));
                    UUID from = parentAt(unit, at);
                    if (from != null && !to.equals(from) && !unitParents.get(to).firstKey().isAfter(at)) {
                        unitParents.get(unit).put(at, to);
                        events.add(new UnitMovedEvent(tenantId, unit, from, to, at));
                    }
                }
            }
        }
        position = append("OrganizationTree", "org-tree-" + tenantId, 0, events);
        for (Pos pos : positions) {
            pos.created = Instant.parse(read("/positions/" + pos.id).get("createdAt").asText());
        }

        List<Instant> asOfs = new ArrayList<>();
        for (int year = 2020; year <= 2036; year++) {
            asOfs.add(Instant.parse(year + "-01-01T00:00:00Z"));
            asOfs.add(Instant.parse(year + "-07-01T00:00:00Z"));
        }
        for (Instant asOf : asOfs) {
            String context = "seed " + seed + " asOf " + asOf + " events " + describe(events);
            for (UUID unit : units) {
                // a unit that does not exist at asOf has no manager to answer (404), as documented
                UUID expected = unitParents.get(unit).firstKey().isAfter(asOf) ? null : managerAtOrAbove(unit, asOf);
                Http.Response answer = http.get("/api/v1/tenants/" + tenantId + "/units/" + unit + "/manager?asOf="
                        + asOf + "&minPosition=" + position, viewer);
                String actual = answer.status() == 404 ? null : answer.json().get("title").asText();
                assertThat(actual).as("manager of %s; %s", unitCodes.get(unit), context)
                        .isEqualTo(expected == null ? null : "P" + byId.get(expected).index);
            }
            Map<UUID, List<UUID>> chains = new HashMap<>();
            for (Pos pos : positions) {
                if (!pos.openAt(asOf)) {
                    continue;
                }
                List<UUID> chain = chain(pos, asOf);
                chains.put(pos.id, chain);
                if (pos.heldFrom.isAfter(asOf)) {
                    continue;
                }
                List<String> actual = titles(read("/people/" + pos.person + "/management-chain?positionId=" + pos.id
                        + "&asOf=" + asOf));
                assertThat(actual).as("chain of P%d (%s); %s", pos.index, pos.person, context)
                        .isEqualTo(titlesOf(personal(pos.person, chain, asOf)));
            }
            for (int person = 0; person < 9; person++) {
                String who = "p" + person;
                if (closable.contains(person)) {
                    continue; // its holding is not ended at the close here, as the tree would require
                }
                List<Pos> held = positions.stream().filter(p -> p.person.equals(who) && !p.heldFrom.isAfter(asOf))
                        .sorted(Comparator.comparing((Pos p) -> p.heldFrom).thenComparing(p -> p.created)
                                .thenComparing(p -> p.id.toString())).toList();
                Http.Response answer = http.get("/api/v1/tenants/" + tenantId + "/people/" + who
                        + "/management-chain?asOf=" + asOf + "&minPosition=" + position, viewer);
                if (held.isEmpty()) {
                    assertThat(answer.status()).as("%s holds nothing; %s", who, context).isEqualTo(404);
                    continue;
                }
                assertThat(answer.status()).as(answer.body()).isEqualTo(200);
                assertThat(titles(answer.json())).as("chain of %s from P%d; %s", who, held.get(0).index, context)
                        .isEqualTo(titlesOf(personal(who, chain(held.get(0), asOf), asOf)));
                List<String> listed = titles(read("/people/" + who + "/positions?asOf=" + asOf));
                assertThat(listed).as("positions of %s; %s", who, context)
                        .isEqualTo(held.stream().map(p -> "P" + p.index).toList());
            }
            for (Pos manager : positions) {
                Set<String> direct = new HashSet<>();
                Set<String> indirect = new HashSet<>();
                chains.forEach((id, chain) -> {
                    if (!chain.isEmpty() && chain.get(0).equals(manager.id)) {
                        direct.add("P" + byId.get(id).index);
                    }
                    if (chain.contains(manager.id)) {
                        indirect.add("P" + byId.get(id).index);
                    }
                });
                if (!manager.openAt(asOf)) {
                    direct.clear();
                    indirect.clear();
                }
                JsonNode d = read("/positions/" + manager.id + "/reports?indirect=false&size=1000&asOf=" + asOf);
                assertThat(new HashSet<>(titles(d))).as("direct reports of P%d; %s", manager.index, context)
                        .isEqualTo(direct);
                assertThat(titles(d)).as("no duplicates").doesNotHaveDuplicates();
                JsonNode i = read("/positions/" + manager.id + "/reports?indirect=true&size=1000&asOf=" + asOf);
                assertThat(new HashSet<>(titles(i))).as("indirect reports of P%d; %s", manager.index, context)
                        .isEqualTo(indirect);
                assertThat(i.get("total").asInt()).isEqualTo(indirect.size());
            }
        }
    }

    /** A position of a lower level that no close can reach (null when there is none). */
    private UUID target(Random random, Pos pos, Set<Integer> closable) {
        List<Pos> lower = positions.stream().filter(p -> p.level < pos.level && !closable.contains(p.index)).toList();
        return lower.isEmpty() ? null : lower.get(random.nextInt(lower.size())).id;
    }

    private UUID parentAt(UUID unit, Instant at) {
        var entry = unitParents.get(unit).floorEntry(at);
        return entry == null ? null : entry.getValue();
    }

    /** The unit's own manager at {@code at}: there the longest, then the earliest created, then the lowest id. */
    private UUID managerOf(UUID unit, Instant at) {
        return positions.stream()
                .filter(p -> p.openAt(at) && unit.equals(p.unitAt(at)) && p.managerAt(at))
                .min(Comparator.comparing((Pos p) -> p.roleSince(at)).thenComparing(p -> p.created)
                        .thenComparing(p -> p.id.toString()))
                .map(p -> p.id).orElse(null);
    }

    private UUID managerAtOrAbove(UUID unit, Instant at) {
        for (UUID u = unit; u != null; u = parentAt(u, at)) {
            UUID manager = managerOf(u, at);
            if (manager != null) {
                return manager;
            }
        }
        return null;
    }

    /** Whom the position reports to: its explicit line, else its unit's manager unless it is that one, else above. */
    private UUID next(Pos pos, Instant at) {
        UUID line = pos.lineAt(at);
        if (line != null) {
            return line;
        }
        UUID asking = pos.id;
        for (UUID u = pos.unitAt(at); u != null; u = parentAt(u, at)) {
            UUID manager = managerOf(u, at);
            if (manager != null && !manager.equals(asking)) {
                return manager;
            }
            asking = null;
        }
        return null;
    }

    private List<UUID> chain(Pos pos, Instant at) {
        List<UUID> chain = new ArrayList<>();
        for (UUID next = next(pos, at); next != null; next = next(byId.get(next), at)) {
            assertThat(chain).as("the model's chains never loop").doesNotContain(next);
            chain.add(next);
        }
        return chain;
    }

    /** The chain without the positions the person holds at {@code at} themselves. */
    private List<UUID> personal(String person, List<UUID> chain, Instant at) {
        return chain.stream().filter(id -> !(byId.get(id).person.equals(person) && !byId.get(id).heldFrom.isAfter(at)))
                .toList();
    }

    private List<String> titlesOf(List<UUID> chain) {
        return chain.stream().map(id -> "P" + byId.get(id).index).toList();
    }

    private String describe(List<Object> events) {
        StringBuilder text = new StringBuilder();
        for (Object event : events) {
            String line = event.toString();
            for (Pos pos : positions) {
                line = line.replace(pos.id.toString(), "P" + pos.index);
            }
            for (var unit : unitCodes.entrySet()) {
                line = line.replace(unit.getKey().toString(), unit.getValue());
            }
            text.append("\n  ").append(line.replace(tenantId.toString(), "t"));
        }
        for (Pos pos : positions) {
            text.append("\n  P").append(pos.index).append(" created ").append(pos.created);
        }
        return text.toString();
    }

    private JsonNode read(String path) {
        Http.Response answer = http.get("/api/v1/tenants/" + tenantId + path + (path.contains("?") ? "&" : "?")
                + "minPosition=" + position, viewer);
        assertThat(answer.status()).as(path + ": " + answer.body()).isEqualTo(200);
        return answer.json();
    }

    private static List<String> titles(JsonNode page) {
        List<String> titles = new ArrayList<>();
        page.get("items").forEach(item -> titles.add(item.get("title").asText()));
        return titles;
    }
}
