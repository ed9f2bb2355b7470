package dev.orgservice.query.approval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orgservice.api.approval.ApprovalPurposes;
import dev.orgservice.api.approval.ApprovalStep;
import dev.orgservice.api.approval.Money;
import dev.orgservice.api.view.ApprovalChainView;
import dev.orgservice.platform.problem.OrgException;
import dev.orgservice.query.storage.TenantScopedReads;
import dev.orgservice.query.structure.HierarchyQueries;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import static dev.orgservice.query.storage.SqlTimes.utc;

/**
 * Resolves approval chains over the hierarchy read model: the facts a chain needs are read in one tenant-scoped
 * transaction (policy, chain with holders and limits, named positions, cost center, delegations), then
 * {@link ApprovalChainResolver} applies the rules. Nothing is precomputed per unit: a move or a new holder is
 * one row, and every answer is exactly as of {@code asOf} (docs/architecture.md explains the choice).
 */
@Component
public class ApprovalChainQueries {

    /** The delegations of {@link #hops} as one JSON array. */
    private static final String AS_JSON = """
            coalesce(jsonb_agg(distinct jsonb_build_object('delegationId', delegation_id, 'delegatorId', delegator_id,
                'delegateId', delegate_id, 'unitScope', unit_scope, 'maxAmount', max_amount::text,
                'maxCurrency', max_currency, 'grantedAt', granted_at)), '[]')::text""";

    /**
     * For a position {@code p}: its unit {@code l.unit_id}, holder {@code h.person_id} and limit {@code a.amount} at
     * {@code :asOf}.
     */
    private static final String HOLDER_AND_LIMIT = """
            join read_model.position_line l on l.position_id = p.position_id
                and l.valid_from <= :asOf and (l.valid_to is null or l.valid_to > :asOf)
            left join lateral (select person_id from read_model.position_holder ph
                where ph.position_id = p.position_id and ph.valid_from <= :asOf
                  and (ph.valid_to is null or ph.valid_to > :asOf)) h on true
            left join lateral (select amount from read_model.approval_authority aa
                where aa.position_id = p.position_id and aa.purpose = :purpose and aa.currency = :currency
                  and aa.valid_from <= :asOf and (aa.valid_to is null or aa.valid_to > :asOf)) a on true
            """;

    /** A delegation {@code d} in force for the purpose at {@code :asOf}. */
    private static final String IN_FORCE = "d.tenant_id = :tenant and :purpose = any(d.purposes) "
            + "and d.valid_from <= :asOf and d.valid_to > :asOf";

    /** Delegations in force whose first hop {@code firstHop} selects as {@code d}, and their onward hops. */
    private static String hops(String firstHop) {
        return """
                hop as (
                    select d.*, 1 as depth from %s
                  union all
                    select d.*, hop.depth + 1 from hop join read_model.delegation d
                      on d.delegator_id = hop.delegate_id and %s
                    where hop.depth < 3)""".formatted(firstHop, IN_FORCE);
    }

    /**
     * The policy in force, the requester's position (given or longest held), every manager above it with holder
     * and limit, and the delegations in force from those holders with their onward hops (as JSON), in one round
     * trip. The first hop is looked up per holder (lateral): written as {@code in (select ...)} over the chain's
     * rows it measured 0.5 ms slower than a separate statement; as a lateral lookup it is the fastest of the
     * three (docs/benchmarks.md). Always one row at least, so "no position" and "no
     * policy" are told apart.
     */
    private static final String CHAIN = """
            with recursive start as (
                select * from read_model.acting_position(:requester, cast(:requesterPosition as uuid), :asOf)),
            walk as (select w.* from start cross join lateral read_model.chain_walk(start.position_id, :asOf) w),
            seats as (
                select w.step, p.position_id, l.unit_id, p.title, h.person_id, a.amount
                from walk w join read_model.position p on p.position_id = w.position_id
            """ + HOLDER_AND_LIMIT + """
                where w.step > 0),
            """ + hops("seats s join lateral (select * from read_model.delegation d where d.delegator_id = s.person_id and "
                    + IN_FORCE + ") d on true") + """
            select (select policy::text from read_model.approval_policy where tenant_id = :tenant and purpose = :purpose
                        and valid_from <= :asOf and (valid_to is null or valid_to > :asOf)) as policy,
                   start.position_id as requester_position, start.unit_id as requester_unit,
                   (select\s""" + AS_JSON + """
             from hop) as delegations,
                   s.step, s.position_id, s.unit_id, s.title, s.person_id, s.amount
            from (select 1) one
            left join start on true
            left join seats s on start.position_id is not null
            order by s.step""";

    private static final String SEATS = """
            select p.position_id, l.unit_id, p.title, h.person_id, a.amount, p.closed_from <= :asOf as closed
            from read_model.position p
            """ + HOLDER_AND_LIMIT + """
            where p.position_id in (:positions)""";

    /** The delegations in force from people outside the chain (named positions, the cost center's owner): rare. */
    private static final String MORE_DELEGATIONS = "with recursive "
            + hops("read_model.delegation d where d.delegator_id in (:people) and " + IN_FORCE)
            + " select " + AS_JSON + " from hop";

    private static final String UNIT_AND_ANCESTORS = HierarchyQueries.UP_FROM_UNIT + "select unit_id from up";

    private final TenantScopedReads reads;
    private final ObjectMapper json;

    public ApprovalChainQueries(TenantScopedReads reads, ObjectMapper json) {
        this.reads = reads;
        this.json = json;
    }

    /** @param asOfGiven false: the request's {@code asOf} is now by default, and the cost center's owner the current */
    public ApprovalChainView resolve(UUID tenantId, ApprovalRequest request, boolean asOfGiven) {
        ApprovalFacts facts = reads.forTenant(tenantId, sql -> load(sql, tenantId, request, asOfGiven));
        return ApprovalChainResolver.resolve(request, facts);
    }

    private ApprovalFacts load(NamedParameterJdbcTemplate sql, UUID tenantId, ApprovalRequest request,
                               boolean asOfGiven) {
        var params = new MapSqlParameterSource("tenant", tenantId).addValue("purpose", request.purpose())
                .addValue("currency", request.amount().currency()).addValue("asOf", utc(request.asOf()))
                .addValue("requester", request.requesterId()).addValue("requesterPosition", request.requesterPositionId());
        List<ChainRow> rows = sql.query(CHAIN, params, (row, n) -> new ChainRow(row.getString("policy"),
                row.getObject("requester_position", UUID.class), row.getObject("requester_unit", UUID.class),
                row.getString("delegations"), seat(row, false)));
        ChainRow first = rows.get(0);
        if (first.policy() == null && !ApprovalPurposes.isBuiltIn(request.purpose())) {
            throw OrgException.notFound("Approval policy for " + request.purpose() + " at " + request.asOf());
        }
        if (first.requesterPosition() == null) {
            throw OrgException.notFound("Position held by " + request.requesterId() + " at " + request.asOf()
                    + (request.requesterPositionId() == null ? "" : " (" + request.requesterPositionId() + ")"));
        }
        StoredPolicy policy = first.policy() == null ? StoredPolicy.DEFAULT : StoredPolicy.read(json, first.policy());
        Set<UUID> seen = new HashSet<>();
        List<ApprovalFacts.Seat> chain = rows.stream().map(ChainRow::seat)
                .filter(seat -> seat != null && seen.add(seat.positionId())).toList();

        List<UUID> named = policy.steps().stream().map(ApprovalStep::positionId).filter(Objects::nonNull).toList();
        Map<UUID, ApprovalFacts.Seat> namedPositions = new LinkedHashMap<>();
        if (!named.isEmpty()) {
            sql.query(SEATS, new MapSqlParameterSource(params.getValues()).addValue("positions", named),
                    (ResultSet row) -> {
                        ApprovalFacts.Seat seat = seat(row, row.getBoolean("closed"));
                        namedPositions.put(seat.positionId(), seat);
                    });
        }
        ApprovalFacts.CostCenter costCenter = request.costCenterId() == null ? null
                : costCenter(sql, request, asOfGiven);

        Map<UUID, ApprovalFacts.Delegation> delegations = new LinkedHashMap<>();
        delegations(first.delegations()).forEach(d -> delegations.put(d.delegationId(), d));
        Set<String> others = new LinkedHashSet<>();
        namedPositions.values().forEach(seat -> others.add(seat.holderId()));
        if (costCenter != null) {
            others.add(costCenter.ownerId());
        }
        others.remove(null);
        chain.forEach(seat -> others.remove(seat.holderId()));
        if (!others.isEmpty()) {
            delegations(sql.queryForObject(MORE_DELEGATIONS, new MapSqlParameterSource(params.getValues())
                    .addValue("people", others), String.class)).forEach(d -> delegations.put(d.delegationId(), d));
        }
        UUID requesterUnit = first.requesterUnit();
        Set<UUID> scope = delegations.values().stream().anyMatch(d -> d.unitScope() != null)
                ? new HashSet<>(sql.queryForList(UNIT_AND_ANCESTORS, new MapSqlParameterSource(params.getValues())
                        .addValue("unit", requesterUnit), UUID.class))
                : Set.of(requesterUnit);
        return new ApprovalFacts(first.requesterPosition(), policy, first.policy() == null, chain,
                namedPositions, costCenter, List.copyOf(delegations.values()), scope);
    }

    private List<ApprovalFacts.Delegation> delegations(String jsonArray) {
        List<ApprovalFacts.Delegation> delegations = new ArrayList<>();
        for (JsonNode d : readTree(jsonArray)) {
            delegations.add(new ApprovalFacts.Delegation(UUID.fromString(d.get("delegationId").asText()),
                    d.get("delegatorId").asText(), d.get("delegateId").asText(),
                    d.hasNonNull("unitScope") ? UUID.fromString(d.get("unitScope").asText()) : null,
                    d.hasNonNull("maxAmount") ? new Money(new BigDecimal(d.get("maxAmount").asText()),
                            d.get("maxCurrency").asText()) : null,
                    OffsetDateTime.parse(d.get("grantedAt").asText()).toInstant()));
        }
        return delegations;
    }

    /**
     * The cost center as of the request's instant: one that does not exist yet is not found, as a unit is not; its
     * responsible person and validity those in force then (the details replaced by the first change after it).
     */
    private static ApprovalFacts.CostCenter costCenter(NamedParameterJdbcTemplate sql, ApprovalRequest request,
                                                       boolean asOfGiven) {
        List<ApprovalFacts.CostCenter> found = sql.query("""
                select u.unit_id, u.code, d.details->>'responsiblePersonId' as owner, s.status,
                       (d.details->>'validTo')::timestamptz as valid_to
                from read_model.unit u left join read_model.unit_status s on s.unit_id = u.unit_id
                    and s.valid_from <= :asOf and (s.valid_to is null or s.valid_to > :asOf)
                cross join lateral (select %s as details) d
                where u.unit_id = :unit and u.type = 'COST_CENTER' and u.created_from <= :asOf""".formatted(
                        HierarchyQueries.DETAILS_AT),
                new MapSqlParameterSource("unit", request.costCenterId()).addValue("asOf", utc(request.asOf()))
                        .addValue("detailsAsOf", asOfGiven ? utc(request.asOf()) : null),
                (row, n) -> {
                    String code = row.getString("code");
                    OffsetDateTime validTo = row.getObject("valid_to", OffsetDateTime.class);
                    String unavailable = "CLOSED".equals(row.getString("status")) ? "Cost center " + code
                            + " is closed at " + request.asOf() + "; nothing can be charged to it."
                            : validTo != null && !validTo.toInstant().isAfter(request.asOf()) ? "Cost center " + code
                            + " is valid until " + validTo.toInstant() + "; nothing can be charged to it at "
                            + request.asOf() + "." : null;
                    return new ApprovalFacts.CostCenter(row.getObject("unit_id", UUID.class), code,
                            row.getString("owner"), unavailable);
                });
        if (found.isEmpty()) {
            throw OrgException.notFound("Cost center " + request.costCenterId() + " at " + request.asOf());
        }
        return found.get(0);
    }

    private record ChainRow(String policy, UUID requesterPosition, UUID requesterUnit, String delegations,
                            ApprovalFacts.Seat seat) {
    }

    /** A seat of the chain (closed positions are not on it) or, with {@code closed}, one the policy names. */
    private static ApprovalFacts.Seat seat(ResultSet row, boolean closed) throws SQLException {
        UUID positionId = row.getObject("position_id", UUID.class);
        return positionId == null ? null : new ApprovalFacts.Seat(positionId, row.getObject("unit_id", UUID.class),
                row.getString("title"), row.getString("person_id"), row.getBigDecimal("amount"), closed);
    }

    private JsonNode readTree(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable delegations from the read model", e);
        }
    }
}
