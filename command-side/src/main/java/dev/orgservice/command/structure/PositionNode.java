package dev.orgservice.command.structure;

import java.util.UUID;

/** What the tree keeps of a position: where it sits and its explicit line (holders decide nothing here). */
record PositionNode(UUID unitId, boolean manager, UUID reportsToPositionId) {
}
