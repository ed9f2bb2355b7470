package dev.orgservice.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The approval data of the benchmark tree: a PURCHASE_ORDER limit on every manager, doubling with each level
 * up (1,000 EUR at depth 12 ... 4,096,000 EUR at the root), and 1,000 delegations in force, spread over the tree
 * and including managers on the measured chain. A request of {@link #AMOUNT} from a depth-12 member then needs
 * the managers of depths 12 down to 5: eight approvers, two of them replaced by their delegates.
 */
final class ApprovalSetup {

    static final String PURPOSE = "PURCHASE_ORDER";
    static final String CURRENCY = "EUR";
    static final BigDecimal AMOUNT = new BigDecimal("100000");
    static final int DELEGATIONS = 1_000;

    private final ObjectMapper json = new ObjectMapper();
    private final TreeBuilder tree;

    ApprovalSetup(TreeBuilder tree) {
        this.tree = tree;
    }

    static BigDecimal limitAt(int depth) {
        return BigDecimal.valueOf(1_000L << (TreeBuilder.MAX_DEPTH - depth));
    }

    /** Bodies of {@code POST .../approval-authorities/import}, 20,000 rows each. */
    List<String> authorityImports() {
        List<String> requests = new ArrayList<>();
        ArrayNode rows = json.createArrayNode();
        for (int unit = 0; unit < tree.size(); unit++) {
            rows.addObject().put("positionId", tree.managerPosition(unit).toString()).put("purpose", PURPOSE)
                    .put("amount", limitAt(tree.depth(unit)).toPlainString()).put("currency", CURRENCY);
            if (rows.size() >= TreeBuilder.MAX_ROWS_PER_IMPORT) {
                requests.add(rows.toString());
                rows = json.createArrayNode();
            }
        }
        if (!rows.isEmpty()) {
            requests.add(rows.toString());
        }
        return requests;
    }

    /** Bodies of {@code POST .../delegations}: managers delegating to a deputy of their own, from yesterday for 30 days. */
    List<String> delegations() {
        Set<Integer> delegating = new LinkedHashSet<>();
        int deep = tree.deepUnit();
        for (int unit = tree.parent(deep); unit >= 0 && delegating.size() < 2; unit = tree.parent(unit)) {
            if (tree.depth(unit) == 11 || tree.depth(unit) == 8) {
                delegating.add(unit);
            }
        }
        int step = Math.max(1, tree.size() / DELEGATIONS);
        for (int unit = 0; unit < tree.size() && delegating.size() < Math.min(DELEGATIONS, tree.size()); unit += step) {
            delegating.add(unit);
        }
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<String> bodies = new ArrayList<>();
        for (int unit : delegating) {
            ObjectNode body = json.createObjectNode().put("delegatorId", TreeBuilder.managerPerson(unit))
                    .put("delegateId", "deputy-" + unit).put("validFrom", today.minusDays(1).toString())
                    .put("validTo", today.plusDays(30).toString());
            body.putArray("purposes").add(PURPOSE);
            bodies.add(body.toString());
        }
        return bodies;
    }
}
