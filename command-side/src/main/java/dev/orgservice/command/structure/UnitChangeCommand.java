package dev.orgservice.command.structure;

import dev.orgservice.command.revision.ConditionalCommand;

import java.util.UUID;

/** A change of one existing unit, made only while the unit is at a revision the client expects. */
public interface UnitChangeCommand extends TreeCommand, ConditionalCommand {

    UUID unitId();
}
