package dev.orgservice.command.structure;

import dev.orgservice.command.revision.ConditionalCommand;

import java.util.UUID;

/** A change of one existing position, made only while the position is at a revision the client expects. */
public interface PositionChangeCommand extends TreeCommand, ConditionalCommand {

    UUID positionId();
}
