package dev.orgservice.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The shape of the benchmark tree and the import requests that build it. Units are laid out breadth first:
 * unit 0 is the legal entity ROOT, and each unit at depth d gets {@code FANOUT[d]} children until the total is
 * reached. The fan-outs alternate 3 and 2 (about 2.6 on average, since 2.6^12 is about 100k), so the last level
 * (depth 12) is only partly filled and the tree stays deterministic. Every unit has two positions: a manager and
 * one member, each held by a distinct person, so a member of a depth-12 unit has a management chain of 13.
 */
final class TreeBuilder {

    static final int MAX_DEPTH = 12;
    private static final int[] FANOUT = {3, 3, 3, 2, 3, 2, 3, 2, 3, 2, 3, 2};
    static final int MAX_ROWS_PER_IMPORT = 20_000;

    private final ObjectMapper json = new ObjectMapper();
    private final int size;
    private final int[] parent;
    private final int[] depth;
    private final int[] subtreeSize;
    private final UUID[] unitIds;
    private final UUID[] managerPositionIds;

    TreeBuilder(int size) {
        this.size = size;
        parent = new int[size];
        depth = new int[size];
        subtreeSize = new int[size];
        unitIds = new UUID[size];
        managerPositionIds = new UUID[size];
        parent[0] = -1;
        int next = 1;
        for (int unit = 0; unit < size && next < size; unit++) {
            if (depth[unit] >= MAX_DEPTH) {
                throw new IllegalStateException("fan-outs too small: " + size + " units need more than depth " + MAX_DEPTH);
            }
            for (int c = 0; c < FANOUT[depth[unit]] && next < size; c++, next++) {
                parent[next] = unit;
                depth[next] = depth[unit] + 1;
            }
        }
        // children come after their parent, so one backwards pass adds every subtree up
        for (int unit = size - 1; unit >= 0; unit--) {
            subtreeSize[unit] += 1;
            if (parent[unit] >= 0) {
                subtreeSize[parent[unit]] += subtreeSize[unit];
            }
        }
    }

    int size() {
        return size;
    }

    static String code(int unit) {
        return unit == 0 ? "ROOT" : "U" + unit;
    }

    /** Requests for {@code POST .../units/import}: parents always come first, in an earlier request or row. */
    List<String> unitImports() {
        List<String> requests = new ArrayList<>();
        for (int from = 0; from < size; from += MAX_ROWS_PER_IMPORT) {
            ArrayNode rows = json.createArrayNode();
            for (int unit = from; unit < Math.min(size, from + MAX_ROWS_PER_IMPORT); unit++) {
                ObjectNode row = rows.addObject();
                if (unit == 0) {
                    row.put("type", "LEGAL_ENTITY").put("code", "ROOT").put("name", "Root").put("country", "DE")
                            .put("currency", "EUR");
                } else {
                    row.put("type", "DEPARTMENT").put("code", code(unit)).put("name", "Unit " + unit)
                            .put("parentCode", code(parent[unit]));
                }
            }
            requests.add(rows.toString());
        }
        return requests;
    }

    /** Takes the ids the import answered ({@code units: [{code, unitId}]}). */
    void recordImported(JsonNode importResult) {
        Map<String, UUID> byCode = new HashMap<>();
        importResult.get("units").forEach(u -> byCode.put(u.get("code").asText(), UUID.fromString(u.get("unitId").asText())));
        for (int unit = 0; unit < size; unit++) {
            UUID id = byCode.get(code(unit));
            if (id != null) {
                unitIds[unit] = id;
            }
        }
    }

    /** Requests for {@code POST .../positions/import}: a manager and a member per unit, 20,000 rows each. */
    List<String> positionImports() {
        List<String> requests = new ArrayList<>();
        ArrayNode rows = json.createArrayNode();
        for (int unit = 0; unit < size; unit++) {
            position(rows, "m-" + unit, unit, "Head of " + code(unit), true, managerPerson(unit));
            position(rows, "s-" + unit, unit, "Member of " + code(unit), false, memberPerson(unit));
            if (rows.size() >= MAX_ROWS_PER_IMPORT) {
                requests.add(rows.toString());
                rows = json.createArrayNode();
            }
        }
        if (!rows.isEmpty()) {
            requests.add(rows.toString());
        }
        return requests;
    }

    /** Takes the manager position ids a position import answered ({@code positions: [{ref, positionId}]}). */
    void recordPositions(JsonNode importResult) {
        importResult.get("positions").forEach(p -> {
            String ref = p.get("ref").asText();
            if (ref.startsWith("m-")) {
                managerPositionIds[Integer.parseInt(ref.substring(2))] = UUID.fromString(p.get("positionId").asText());
            }
        });
    }

    UUID managerPosition(int unit) {
        if (managerPositionIds[unit] == null) {
            throw new IllegalStateException("the manager position of " + code(unit) + " was not imported");
        }
        return managerPositionIds[unit];
    }

    /** {@code ref} is the row's name within the import; the server chooses the position ids. */
    private void position(ArrayNode rows, String ref, int unit, String title, boolean manager, String person) {
        rows.addObject().put("ref", ref).put("unitId", unitId(unit).toString()).put("title", title)
                .put("manager", manager).put("personId", person).put("holderFrom", "2020-01-01");
    }

    int positions() {
        return 2 * size;
    }

    static String managerPerson(int unit) {
        return "p-" + (2 * unit);
    }

    static String memberPerson(int unit) {
        return "p-" + (2 * unit + 1);
    }

    UUID unitId(int unit) {
        if (unitIds[unit] == null) {
            throw new IllegalStateException("unit " + code(unit) + " was not imported");
        }
        return unitIds[unit];
    }

    int depth(int unit) {
        return depth[unit];
    }

    int parent(int unit) {
        return parent[unit];
    }

    int subtreeSize(int unit) {
        return subtreeSize[unit];
    }

    int maxDepth() {
        return depth[size - 1];
    }

    /** The first unit at the deepest level: 12 ancestors, and its member's chain has 13 managers. */
    int deepUnit() {
        for (int unit = 0; unit < size; unit++) {
            if (depth[unit] == maxDepth()) {
                return unit;
            }
        }
        throw new IllegalStateException("no unit at the deepest level");
    }

    /** The unit whose subtree is nearest to {@code target} units (at least {@code target}, so a page is full). */
    int subtreeOfAbout(int target) {
        int best = 0;
        for (int unit = 0; unit < size; unit++) {
            if (subtreeSize[unit] >= target && subtreeSize[unit] < subtreeSize[best]) {
                best = unit;
            }
        }
        return best;
    }

    /** The next (else the previous) unit at the same depth: outside {@code unit}'s subtree, so a move there is valid. */
    int neighbourOf(int unit) {
        int other = unit + 1 < size && depth[unit + 1] == depth[unit] ? unit + 1 : unit - 1;
        if (other < 1 || depth[other] != depth[unit]) {
            throw new IllegalStateException(code(unit) + " has no neighbour at its depth");
        }
        return other;
    }

    /** The first of the deepest units below {@code ancestor} (or {@code ancestor} itself, a leaf). */
    int deepestBelow(int ancestor) {
        int deepest = ancestor;
        for (int unit = ancestor + 1; unit < size; unit++) {
            if (depth[unit] > depth[deepest] && isBelow(unit, ancestor)) {
                deepest = unit;
            }
        }
        return deepest;
    }

    private boolean isBelow(int unit, int ancestor) {
        for (int up = parent[unit]; up >= 0; up = parent[up]) {
            if (up == ancestor) {
                return true;
            }
        }
        return false;
    }

    /** Leaves of the deepest level, spread over the tree, each with a second parent at the same depth to move to. */
    List<int[]> movableLeaves(int count) {
        List<Integer> deepest = new ArrayList<>();
        for (int unit = 0; unit < size; unit++) {
            if (depth[unit] == maxDepth()) {
                deepest.add(unit);
            }
        }
        List<int[]> leaves = new ArrayList<>();
        int step = Math.max(1, deepest.size() / count);
        for (int i = 0; i < deepest.size() && leaves.size() < count; i += step) {
            int leaf = deepest.get(i);
            // the parent's next sibling-level unit: same depth, a department, never below the leaf itself
            int other = parent[leaf] + 1 < size && depth[parent[leaf] + 1] == depth[parent[leaf]]
                    ? parent[leaf] + 1 : parent[leaf] - 1;
            leaves.add(new int[]{leaf, parent[leaf], other});
        }
        return leaves;
    }
}
