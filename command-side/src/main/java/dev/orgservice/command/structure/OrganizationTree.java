package dev.orgservice.command.structure;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.orgservice.api.approval.ApprovalAuthoritiesImportedEvent;
import dev.orgservice.api.approval.ApprovalAuthorityGrantedEvent;
import dev.orgservice.api.approval.ApprovalAuthorityRevokedEvent;
import dev.orgservice.api.approval.ApprovalPolicyDefinedEvent;
import dev.orgservice.api.approval.ApprovalStep;
import dev.orgservice.api.approval.DelegationGrantedEvent;
import dev.orgservice.api.approval.DelegationRevokedEvent;
import dev.orgservice.api.approval.ImportedAuthority;
import dev.orgservice.api.structure.ImportedUnit;
import dev.orgservice.api.structure.ImportedPosition;
import dev.orgservice.api.structure.PositionClosedEvent;
import dev.orgservice.api.structure.PositionCreatedEvent;
import dev.orgservice.api.structure.PositionCreation;
import dev.orgservice.api.structure.PositionsImportedEvent;
import dev.orgservice.api.structure.PositionHolderAssignedEvent;
import dev.orgservice.api.structure.PositionManagerRoleChangedEvent;
import dev.orgservice.api.structure.PositionMovedEvent;
import dev.orgservice.api.structure.PositionReportingLinesChangedEvent;
import dev.orgservice.api.structure.PositionRetitledEvent;
import dev.orgservice.api.structure.PositionVacatedEvent;
import dev.orgservice.api.structure.UnitClosedEvent;
import dev.orgservice.api.structure.UnitCreatedEvent;
import dev.orgservice.api.structure.UnitDetails;
import dev.orgservice.api.structure.UnitDetailsUpdatedEvent;
import dev.orgservice.api.structure.UnitMovedEvent;
import dev.orgservice.api.structure.UnitReopenedEvent;
import dev.orgservice.api.structure.UnitStatus;
import dev.orgservice.api.structure.UnitType;
import dev.orgservice.api.structure.UnitsImportedEvent;
import dev.orgservice.command.approval.DefineApprovalPolicyCommand;
import dev.orgservice.command.approval.Delegations;
import dev.orgservice.command.approval.GrantApprovalAuthorityCommand;
import dev.orgservice.command.approval.GrantDelegationCommand;
import dev.orgservice.command.approval.ImportApprovalAuthoritiesCommand;
import dev.orgservice.command.approval.PolicyPositions;
import dev.orgservice.command.approval.RevokeApprovalAuthorityCommand;
import dev.orgservice.command.approval.RevokeDelegationCommand;
import dev.orgservice.command.tenant.TenantGuard;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.TreeSet;
import java.util.UUID;

import static dev.orgservice.command.structure.PositionRules.requireActiveForNewPositions;
import static dev.orgservice.command.structure.PositionRules.requireMayMoveInto;
import static dev.orgservice.command.structure.PositionRules.requireNotClosedAt;
import static dev.orgservice.command.structure.UnitRules.requireActiveAt;
import static dev.orgservice.command.structure.UnitRules.requireClosedAt;
import static dev.orgservice.command.structure.UnitRules.requireExistingAt;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A tenant's company structure: one consistency boundary over all its units, because "no cycles" and
 * "codes unique per tenant" are rules over the whole forest. The state is only what decisions need (type,
 * code, parent and status over time, when positions are held); names and details live in events and read
 * models. Changes may be effective-dated, so every rule is checked at the change's instant and at every later
 * scheduled change.
 * <p>
 * The revision is the snapshot's: a snapshot of another revision is ignored and the tree is loaded from its events
 * (Axon's {@code RevisionSnapshotFilter}). Revision 2 added the units' revisions, which snapshots without a revision
 * do not carry; revision 3 the positions' holdings; revision 4 their lines over time and when they close;
 * revision 5 their units over time; revision 6 their manager role over time; revision 7 the positions approval policies
 * name over time; revision 8 keeps delegations that ended or were revoked within the backdating limit; revision 9
 * when positions were created (which of a unit's manager positions manages it); revision 10 the positions' revisions;
 * revision 11 their creation to the millisecond, as the event store keeps it ({@code PositionCreation}).
 * Raise it whenever the state's shape or meaning changes.
 */
@Aggregate(snapshotTriggerDefinition = "treeSnapshotTrigger", cache = "storeCheckedTreeCache",
        commandTargetResolver = "cachedTargetResolver")
@Revision("11")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class OrganizationTree {

    static final String BULK_IMPORT = "bulk-import";
    static final String ADVANCED_APPROVALS = "advanced-approvals";

    @AggregateIdentifier
    private String treeId;
    private UUID tenantId;
    private Map<UUID, UnitNode> units = new HashMap<>();
    private Map<String, UUID> unitsByCode = new HashMap<>();
    /**
     * Positions live in the tree too: "the position's unit is active" and "explicit lines never form a cycle"
     * are then plain checks inside one boundary. Holders are not kept (no rule depends on who holds what), only
     * when a position is held.
     */
    private Map<UUID, PositionNode> positions = new HashMap<>();
    /**
     * Delegations live in the tree as well: a delegation's unit scope must be a unit of the tenant, and the
     * no-cycle and depth rules are over all the tenant's delegations. Authorities need no state here beyond the
     * positions they name.
     */
    private Delegations delegations = new Delegations();
    /** Which positions each approval policy names, and when: a named position stays open while a policy names it. */
    private PolicyPositions policyPositions = new PolicyPositions();
    /** Every instant at which some parent or status changes: the checkpoints of effective-dated rules. */
    private NavigableSet<Instant> changeInstants = new TreeSet<>();
    /** Not state: how deep units sit, read off {@link #units} (a snapshot's tree makes its own on first use). */
    @JsonIgnore
    private transient UnitDepths depths;
    /** Not state either: the manager positions ever in each unit, and whether any line exists ({@link #positions}). */
    @JsonIgnore
    private transient PositionIndex positionIndex;

    protected OrganizationTree() {
        // for Axon and Jackson
    }

    public static String idOf(UUID tenantId) {
        return "org-tree-" + tenantId;
    }

    /** Answers the new unit's revision. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    long handle(CreateUnitCommand command, TenantGuard tenants) {
        var limits = tenants.requireActive(command.tenantId());
        UnitRules rules = unitRules();
        rules.requireRoomFor(1, limits);
        rules.requireUniqueCode(command.code());
        rules.requireAllowedParent(command.type(), command.parentId());
        if (command.parentId() != null) {
            rules.requireParentActiveFrom(command.parentId(), command.effectiveFrom());
            rules.requireDepthOfNewChild(command.code(), command.parentId(), command.effectiveFrom());
        }
        rules.requireValidDetails(command.type(), command.details(), command.effectiveFrom(), Map.of());
        apply(new UnitCreatedEvent(command.tenantId(), command.unitId(), command.type(), command.code(), command.name(),
                command.parentId(), command.effectiveFrom(), orNone(command.details())));
        return units.get(command.unitId()).revision();
    }

    /**
     * Answers the revision of the first batch's units, from which {@link ImportUnitsCommand#revisions} tells each
     * row's: the batches are cut over the rows as sent, which the resolved rows (in the same order) never outgrow.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    long handle(ImportUnitsCommand command, TenantGuard tenants) {
        var limits = tenants.requireActive(command.tenantId());
        limits.requireFeature(BULK_IMPORT, "A bulk import");
        UnitRules rules = unitRules();
        rules.requireRoomFor(command.rows().size(), limits);
        List<ImportedUnit> imported = new ImportPlan(rules, command).resolve();
        applyBatches(ImportBatches.cut(imported, command.batchSizes()), (batch, batches, slice) ->
                new UnitsImportedEvent(command.tenantId(), command.importId(), batch, batches, command.effectiveFrom(),
                        slice));
        return units.get(imported.get(0).unitId()).revision();
    }

    // The unit commands answer the unit's revision after the command: the If-Match of the client's next change.

    @CommandHandler
    long handle(UpdateUnitCommand command, TenantGuard tenants) {
        tenants.requireActive(command.tenantId());
        UnitRules rules = unitRules();
        UnitNode unit = rules.requireUnitAtRevision(command);
        rules.requireDetailsOfType(unit.type(), command.details());
        rules.requireValidDetails(unit.type(), command.details(), unit.createdFrom(), Map.of());
        if (command.name() == null && orNone(command.details()).equals(UnitDetails.NONE)) {
            return unit.revision(); // nothing to change: no event, so no other editor's If-Match goes stale
        }
        apply(new UnitDetailsUpdatedEvent(command.tenantId(), command.unitId(), command.name(), orNone(command.details())));
        return unit.revision();
    }

    @CommandHandler
    long handle(MoveUnitCommand command, TenantGuard tenants) {
        tenants.requireActive(command.tenantId());
        Instant at = command.effectiveFrom();
        UnitRules rules = unitRules();
        UnitNode unit = requireExistingAt(rules.requireUnitAtRevision(command), command.unitId(), at);
        rules.requireAllowedParent(unit.type(), command.newParentId());
        UUID currentParent = unit.parentAt(at);
        if (Objects.equals(currentParent, command.newParentId())) {
            return unit.revision();
        }
        if (command.newParentId() != null) {
            rules.requireNoCycle(command.unitId(), command.newParentId(), at);
            rules.requireParentActiveWhileHolding(unit, command.newParentId(), at);
            rules.requireDepthAfterMove(command.unitId(), command.newParentId(), at);
            chainLoops().requireNoLoopAfterUnitMove(command.unitId(), unit, command.newParentId(), at);
        }
        apply(new UnitMovedEvent(command.tenantId(), command.unitId(), currentParent, command.newParentId(), at));
        return unit.revision();
    }

    @CommandHandler
    long handle(CloseUnitCommand command, TenantGuard tenants) {
        tenants.requireActive(command.tenantId());
        Instant at = command.effectiveFrom();
        UnitRules rules = unitRules();
        UnitNode unit = requireExistingAt(rules.requireUnitAtRevision(command), command.unitId(), at);
        requireActiveAt(unit, at);
        // the children and holdings count only while the unit would be closed: until its next scheduled reopen
        Instant reopened = unit.nextReopeningAfter(at);
        rules.requireNoActiveChildWhileClosed(command.unitId(), unit, at, reopened);
        positionRules().requireNoneHeldWhileClosed(command.unitId(), unit, at, reopened);
        apply(new UnitClosedEvent(command.tenantId(), command.unitId(), at));
        return unit.revision();
    }

    @CommandHandler
    long handle(ReopenUnitCommand command, TenantGuard tenants) {
        tenants.requireActive(command.tenantId());
        Instant at = command.effectiveFrom();
        UnitRules rules = unitRules();
        UnitNode unit = requireExistingAt(rules.requireUnitAtRevision(command), command.unitId(), at);
        requireClosedAt(unit, at);
        rules.requireParentActiveWhileReopened(unit, at);
        apply(new UnitReopenedEvent(command.tenantId(), command.unitId(), at));
        return unit.revision();
    }

    /** Answers the new position's revision. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    long handle(CreatePositionCommand command, TenantGuard tenants) {
        var limits = tenants.requireActive(command.tenantId());
        PositionRules rules = positionRules();
        rules.requireRoomForPositions(1, limits);
        UnitNode unit = unitRules().requireUnit(command.unitId());
        Instant now = Instant.now();
        requireActiveForNewPositions(command.unitId(), unit, now);
        // the new position's lines hold at every date, so none may lead to a position that is or will be closed
        rules.requireLinesOpenWhile(command.reportsToPositionId(), command.dottedLineToPositionIds(), Instant.MIN, null);
        PositionNode created = new PositionNode(command.unitId(), command.manager(), command.reportsToPositionId(),
                command.dottedLineToPositionIds(), List.of(), PositionCreation.of(now));
        chainLoops().requireNoLoopFrom(command.positionId(), created, Instant.MIN, null, created.hasSolidLine(),
                command.reportsToPositionId());
        apply(new PositionCreatedEvent(command.tenantId(), command.positionId(), command.unitId(), command.title(),
                command.manager(), command.reportsToPositionId(), List.copyOf(command.dottedLineToPositionIds())));
        return revisionOf(command.positionId());
    }

    /**
     * Positions may report to positions earlier in the same import; every error is reported with its row. Answers the
     * revision of the first batch's positions, from which {@link ImportPositionsCommand#revisions} tells each row's.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    long handle(ImportPositionsCommand command, TenantGuard tenants) {
        var limits = tenants.requireActive(command.tenantId());
        limits.requireFeature(BULK_IMPORT, "A bulk import");
        PositionRules rules = positionRules();
        rules.requireRoomForPositions(command.positions().size(), limits);
        Instant now = Instant.now();
        List<ImportedPosition> positions = command.resolved(unitsByCode::get);
        List<ImportPlan.RowError> errors = rules.importErrors(positions, command::unitCodeOf, now);
        List<List<ImportedPosition>> batches = ImportBatches.cut(positions, command.batchSizes());
        if (errors.isEmpty()) {
            chainLoops().requireNoChainLoops(batches, now, errors);
        }
        if (!errors.isEmpty()) {
            throw ImportPlan.rejected(errors, command.positions().size());
        }
        applyBatches(batches, (batch, count, slice) -> new PositionsImportedEvent(command.tenantId(),
                command.importId(), batch, count, slice));
        return revisionOf(command.positions().get(0).positionId());
    }

    // The position commands answer the position's revision after the command: the If-Match of the client's next change.

    @CommandHandler
    long handle(AssignHolderCommand command, TenantGuard tenants) {
        tenants.requireActive(command.tenantId());
        PositionRules rules = positionRules();
        PositionNode position = rules.requirePositionAtRevision(command);
        rules.requireMayBeHeld(command.positionId(), position, command.from(), command.to());
        apply(new PositionHolderAssignedEvent(command.tenantId(), command.positionId(), command.personId(),
                command.from(), command.to()));
        return revisionOf(command.positionId());
    }

    @CommandHandler
    long handle(RetitlePositionCommand command, TenantGuard tenants) {
        tenants.requireActive(command.tenantId());
        positionRules().requirePositionAtRevision(command);
        apply(new PositionRetitledEvent(command.tenantId(), command.positionId(), command.title()));
        return revisionOf(command.positionId());
    }

    /**
     * New lines from {@code effectiveFrom} until the position's next change of lines. Explicit solid lines never
     * form a cycle, at any date (a new one could only close a cycle through this position), and no line leads to a
     * closed position.
     */
    @CommandHandler
    long handle(ChangeReportingLinesCommand command, TenantGuard tenants) {
        tenants.requireActive(command.tenantId());
        UUID positionId = command.positionId();
        PositionRules rules = positionRules();
        PositionNode position = rules.requirePositionAtRevision(command);
        rules.requireLineTargets(positionId, command.reportsToPositionId(), command.dottedLineToPositionIds());
        Instant from = command.effectiveFrom();
        requireNotClosedAt(positionId, position, from);
        if (position.linesAt(from).sameAs(command.reportsToPositionId(), command.dottedLineToPositionIds())) {
            return position.revision(); // already in effect: no event, nothing for the read model or Kafka
        }
        Instant end = position.newLinesHoldUntil(from);
        rules.requireLinesOpenWhile(command.reportsToPositionId(), command.dottedLineToPositionIds(), from, end);
        PositionNode changed = position.withLinesFrom(from, command.reportsToPositionId(),
                command.dottedLineToPositionIds());
        chainLoops().requireNoLoopFrom(positionId, changed, from, end, command.reportsToPositionId() != null,
                command.reportsToPositionId());
        apply(new PositionReportingLinesChangedEvent(command.tenantId(), positionId, command.reportsToPositionId(),
                command.dottedLineToPositionIds(), from));
        return revisionOf(positionId);
    }

    /**
     * The position sits in another unit from {@code effectiveFrom} until its next move (its lines, holders and title go
     * with it). The unit must exist then and stay active while the position sits there: a position of a closed unit
     * has no holder. As a position is created only in a unit active then, it moves only into a unit that exists and is
     * active at {@code effectiveFrom}; a later close of that unit refuses the move only if the position is held while
     * the unit would be closed, as closing the unit would be refused then (a vacant position may stay in a closed
     * unit, whichever came first).
     */
    @CommandHandler
    long handle(MovePositionCommand command, TenantGuard tenants) {
        tenants.requireActive(command.tenantId());
        UUID positionId = command.positionId();
        PositionNode position = positionRules().requirePositionAtRevision(command);
        UnitNode unit = unitRules().requireUnit(command.unitId());
        Instant from = command.effectiveFrom();
        requireNotClosedAt(positionId, position, from);
        UUID current = position.unitAt(from);
        if (current.equals(command.unitId())) {
            return position.revision(); // already there: no event
        }
        requireMayMoveInto(command.unitId(), unit, position, from);
        chainLoops().requireNoLoopAfterChangeOf(positionId, position, position.movedFrom(from, command.unitId()), from,
                Map.of("positionId", positionId, "unitId", command.unitId()));
        apply(new PositionMovedEvent(command.tenantId(), positionId, current, command.unitId(), from));
        return revisionOf(positionId);
    }

    /**
     * The position is a manager position (one its unit's manager can be) or not from {@code effectiveFrom} until its
     * next change of role. Which manager position manages a unit follows from it (the read model's answer at each
     * date), so the change is refused if a management chain would then lead back to where it started.
     */
    @CommandHandler
    long handle(ChangeManagerRoleCommand command, TenantGuard tenants) {
        tenants.requireActive(command.tenantId());
        UUID positionId = command.positionId();
        PositionNode position = positionRules().requirePositionAtRevision(command);
        Instant from = command.effectiveFrom();
        requireNotClosedAt(positionId, position, from);
        if (position.managerAt(from) == command.manager()) {
            return position.revision(); // already in effect: no event
        }
        chainLoops().requireNoLoopAfterChangeOf(positionId, position, position.withRoleFrom(from, command.manager()),
                from, Map.of("positionId", positionId));
        apply(new PositionManagerRoleChangedEvent(command.tenantId(), positionId, command.manager(), from));
        return revisionOf(positionId);
    }

    /**
     * A position is closed (abolished) from a date on: it must not be held then or later (vacate it first) and no
     * line of an open position may lead to it then or later (change those lines first). A closed position stays
     * closed; closing it again from an earlier date moves the close.
     */
    @CommandHandler
    long handle(ClosePositionCommand command, TenantGuard tenants) {
        tenants.requireActive(command.tenantId());
        UUID positionId = command.positionId();
        PositionRules rules = positionRules();
        PositionNode position = rules.requirePositionAtRevision(command);
        Instant at = command.effectiveFrom();
        rules.requireMayClose(positionId, position, at);
        policyPositions.requireNotNaming(positionId, at);
        chainLoops().requireNoLoopAfterChangeOf(positionId, position, position.closedFrom(at), at,
                Map.of("positionId", positionId));
        apply(new PositionClosedEvent(command.tenantId(), positionId, at));
        return revisionOf(positionId);
    }

    @CommandHandler
    long handle(VacatePositionCommand command, TenantGuard tenants) {
        tenants.requireActive(command.tenantId());
        PositionNode position = positionRules().requirePositionAtRevision(command);
        if (!position.heldDuring(command.from(), null)) {
            return position.revision(); // nobody holds it from then: no event, so no other editor's If-Match goes stale
        }
        apply(new PositionVacatedEvent(command.tenantId(), command.positionId(), command.from()));
        return revisionOf(command.positionId());
    }

    // ---- approvals: authorities, policies, delegations ------------------------------------------------------
    // An authority is the approval model's, not the position's own data: granting or revoking one leaves the
    // position's revision alone and takes no If-Match (docs/api.md, "Conditional changes").

    @CommandHandler
    void handle(GrantApprovalAuthorityCommand command, TenantGuard tenants) {
        tenants.requireActive(command.tenantId());
        positionRules().requirePosition(command.positionId());
        apply(new ApprovalAuthorityGrantedEvent(command.tenantId(), command.positionId(), command.purpose(),
                command.limit(), command.effectiveFrom()));
    }

    /** All rows or none; every row naming an unknown position is reported. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ImportApprovalAuthoritiesCommand command, TenantGuard tenants) {
        tenants.requireActive(command.tenantId()).requireFeature(BULK_IMPORT, "A bulk import");
        positionRules().requireRowPositions(command.authorities().stream().map(ImportedAuthority::positionId).toList());
        inBatches(command.authorities(), (batch, batches, slice) -> new ApprovalAuthoritiesImportedEvent(
                command.tenantId(), command.importId(), batch, batches, command.effectiveFrom(), slice));
    }

    @CommandHandler
    void handle(RevokeApprovalAuthorityCommand command, TenantGuard tenants) {
        tenants.requireActive(command.tenantId());
        positionRules().requirePosition(command.positionId());
        apply(new ApprovalAuthorityRevokedEvent(command.tenantId(), command.positionId(), command.purpose(),
                command.currency(), command.effectiveFrom()));
    }

    /** A policy may come before any unit (a tenant sets its rules up first), so it may create the tree. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(DefineApprovalPolicyCommand command, TenantGuard tenants) {
        var limits = tenants.requireActive(command.tenantId());
        boolean advanced = command.minApprovers() > 1
                || command.steps().stream().anyMatch(step -> step.kind() != ApprovalStep.Kind.MANAGEMENT_CHAIN_UNTIL_AUTHORITY);
        if (advanced) {
            limits.requireFeature(ADVANCED_APPROVALS, "A policy with named positions, cost center owners or more than "
                    + "one required approver");
        }
        Instant end = policyPositions.termEnd(command.purpose(), command.effectiveFrom());
        positionRules().requireOpenWhileNamed(namedPositions(command.steps()), command.purpose(),
                command.effectiveFrom(), end);
        apply(new ApprovalPolicyDefinedEvent(command.tenantId(), command.purpose(), List.copyOf(command.steps()),
                command.minApprovers(), command.maxApprovers(), command.effectiveFrom()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(GrantDelegationCommand command, TenantGuard tenants) {
        tenants.requireActive(command.tenantId());
        if (command.unitScope() != null) {
            unitRules().requireUnit(command.unitScope());
        }
        delegations.requireAllowed(command, Instant.now());
        apply(new DelegationGrantedEvent(command.tenantId(), command.delegationId(), command.delegatorId(),
                command.delegateId(), List.copyOf(command.purposes()), command.unitScope(), command.maxAmount(),
                command.validFrom(), command.validTo()));
    }

    @CommandHandler
    void handle(RevokeDelegationCommand command, TenantGuard tenants) {
        tenants.requireActive(command.tenantId());
        delegations.requireRevocable(command.delegationId(), command.revokedAt(), Instant.now());
        apply(new DelegationRevokedEvent(command.tenantId(), command.delegationId(), command.revokedAt()));
    }

    /** One event of an import batch: batch number (from 1), number of batches, the batch's rows. */
    private interface ImportBatch<T> {
        Object event(int batch, int batches, List<T> slice);
    }

    /**
     * Records an import as events of at most 1,000 rows and 768 KiB of rows each ({@link ImportBatches}; all in this
     * command's transaction), so no event outgrows a Kafka record.
     */
    private static <T> void inBatches(List<T> rows, ImportBatch<T> batch) {
        applyBatches(ImportBatches.split(rows), batch);
    }

    private static <T> void applyBatches(List<List<T>> batches, ImportBatch<T> batch) {
        for (int number = 0; number < batches.size(); number++) {
            apply(batch.event(number + 1, batches.size(), batches.get(number)));
        }
    }

    // ---- rules --------------------------------------------------------------------------------------------
    // The rule sets are made for each command that needs them: they only wrap the state's own maps, so they copy
    // nothing and never see a node an event has since replaced.

    /** What this tree costs the cache, in nodes: its units and positions (their maps dominate its memory). */
    long cacheWeight() {
        return 1L + units.size() + positions.size();
    }

    private UnitRules unitRules() {
        return new UnitRules(units, unitsByCode, changeInstants, depths());
    }

    private UnitDepths depths() {
        if (depths == null) {
            depths = new UnitDepths(units);
        }
        return depths;
    }

    private PositionRules positionRules() {
        return new PositionRules(units, positions);
    }

    private ChainLoopRules chainLoops() {
        return new ChainLoopRules(units, positions, positionIndex());
    }

    private PositionIndex positionIndex() {
        if (positionIndex == null) {
            positionIndex = new PositionIndex(positions);
        }
        return positionIndex;
    }

    /** After a change is applied: the node was replaced, so a reference taken before it is stale. */
    private long revisionOf(UUID positionId) {
        return positions.get(positionId).revision();
    }

    private static UnitDetails orNone(UnitDetails details) {
        return details == null ? UnitDetails.NONE : details;
    }

    // ---- state ----------------------------------------------------------------------------------------------

    @EventSourcingHandler
    void on(UnitCreatedEvent event, @SequenceNumber long sequence) {
        treeId = idOf(event.tenantId());
        tenantId = event.tenantId();
        add(event.unitId(), event.type(), event.code(), event.parentId(), event.effectiveFrom(), sequence);
    }

    @EventSourcingHandler
    void on(UnitsImportedEvent event, @SequenceNumber long sequence) {
        treeId = idOf(event.tenantId());
        tenantId = event.tenantId();
        for (ImportedUnit unit : event.units()) {
            add(unit.unitId(), unit.type(), unit.code(), unit.parentId(), event.effectiveFrom(), sequence);
        }
    }

    @EventSourcingHandler
    void on(UnitDetailsUpdatedEvent event, @SequenceNumber long sequence) {
        units.get(event.unitId()).changedBy(sequence);
    }

    @EventSourcingHandler
    void on(UnitMovedEvent event, @SequenceNumber long sequence) {
        UnitNode unit = units.get(event.unitId());
        unit.moveFrom(event.effectiveFrom(), event.toParentId());
        unit.changedBy(sequence);
        depths().moved(event.unitId(), event.toParentId());
        changeInstants.add(event.effectiveFrom());
    }

    @EventSourcingHandler
    void on(UnitClosedEvent event, @SequenceNumber long sequence) {
        UnitNode unit = units.get(event.unitId());
        unit.setStatusFrom(event.effectiveFrom(), UnitStatus.CLOSED);
        unit.changedBy(sequence);
        changeInstants.add(event.effectiveFrom());
    }

    @EventSourcingHandler
    void on(UnitReopenedEvent event, @SequenceNumber long sequence) {
        UnitNode unit = units.get(event.unitId());
        unit.setStatusFrom(event.effectiveFrom(), UnitStatus.ACTIVE);
        unit.changedBy(sequence);
        changeInstants.add(event.effectiveFrom());
    }

    // Every position event sets the position's revision: its sequence number (an import's batch: each of its rows).

    @EventSourcingHandler
    void on(PositionsImportedEvent event, @Timestamp Instant recordedAt, @SequenceNumber long sequence) {
        for (ImportedPosition position : event.positions()) {
            added(position.positionId(), new PositionNode(position.unitId(), position.manager(),
                    position.reportsToPositionId(), List.of(), position.personId() == null ? List.of()
                    : List.of(new PositionNode.Holding(position.holderFrom(), null)),
                    PositionCreation.ofImported(recordedAt, event.batch())).changedBy(sequence));
        }
    }

    @EventSourcingHandler
    void on(PositionCreatedEvent event, @Timestamp Instant recordedAt, @SequenceNumber long sequence) {
        added(event.positionId(), new PositionNode(event.unitId(), event.manager(), event.reportsToPositionId(),
                event.dottedLineToPositionIds(), List.of(), PositionCreation.of(recordedAt)).changedBy(sequence));
    }

    @EventSourcingHandler
    void on(PositionRetitledEvent event, @SequenceNumber long sequence) {
        positions.computeIfPresent(event.positionId(), (id, position) -> position.changedBy(sequence));
    }

    @EventSourcingHandler
    void on(PositionMovedEvent event, @SequenceNumber long sequence) {
        indexed(event.positionId(), positions.computeIfPresent(event.positionId(), (id, position) ->
                position.movedFrom(event.effectiveFrom(), event.toUnitId()).changedBy(sequence)));
    }

    @EventSourcingHandler
    void on(PositionManagerRoleChangedEvent event, @SequenceNumber long sequence) {
        indexed(event.positionId(), positions.computeIfPresent(event.positionId(), (id, position) ->
                position.withRoleFrom(event.effectiveFrom(), event.manager()).changedBy(sequence)));
    }

    @EventSourcingHandler
    void on(PositionClosedEvent event, @SequenceNumber long sequence) {
        positions.computeIfPresent(event.positionId(), (id, position) ->
                position.closedFrom(event.effectiveFrom()).changedBy(sequence));
    }

    @EventSourcingHandler
    void on(PositionReportingLinesChangedEvent event, @SequenceNumber long sequence) {
        indexed(event.positionId(), positions.computeIfPresent(event.positionId(), (id, position) ->
                position.withLinesFrom(event.effectiveFrom(), event.reportsToPositionId(),
                        event.dottedLineToPositionIds()).changedBy(sequence)));
    }

    private void added(UUID positionId, PositionNode position) {
        positions.put(positionId, position);
        indexed(positionId, position);
    }

    /** Keeps the position index, once made, up to date with a position created or changed (null: unknown). */
    private void indexed(UUID positionId, PositionNode position) {
        if (position != null && positionIndex != null) {
            positionIndex.put(positionId, position);
        }
    }

    @EventSourcingHandler
    void on(PositionHolderAssignedEvent event, @SequenceNumber long sequence) {
        positions.computeIfPresent(event.positionId(), (id, position) ->
                position.heldIn(event.from(), event.to()).changedBy(sequence));
    }

    @EventSourcingHandler
    void on(PositionVacatedEvent event, @SequenceNumber long sequence) {
        positions.computeIfPresent(event.positionId(), (id, position) ->
                position.vacatedFrom(event.from()).changedBy(sequence));
    }

    @EventSourcingHandler
    void on(ApprovalPolicyDefinedEvent event) {
        treeId = idOf(event.tenantId());
        tenantId = event.tenantId();
        policyPositions.define(event.purpose(), event.effectiveFrom(), namedPositions(event.steps()));
    }

    private static List<UUID> namedPositions(List<ApprovalStep> steps) {
        return steps.stream().map(ApprovalStep::positionId).filter(Objects::nonNull).toList();
    }

    @EventSourcingHandler
    void on(DelegationGrantedEvent event, @Timestamp Instant recordedAt) {
        treeId = idOf(event.tenantId());
        tenantId = event.tenantId();
        delegations.add(event, recordedAt);
    }

    @EventSourcingHandler
    void on(DelegationRevokedEvent event) {
        delegations.revoke(event.delegationId(), event.revokedAt());
    }

    private void add(UUID unitId, UnitType type, String code, UUID parentId, Instant from, long revision) {
        units.put(unitId, new UnitNode(type, code, parentId, from, revision));
        unitsByCode.put(code, unitId);
        depths().added(unitId, parentId);
        changeInstants.add(from);
    }
}
