package dev.orgservice.command.revision;

/** A command made only while its resource is at a revision the client expects (the request's {@code If-Match}). */
public interface ConditionalCommand {

    ExpectedRevision expected();
}
