package dev.orgservice.platform.web;

import java.io.IOException;

/**
 * A body without a declared length (chunked) read past the limit: an {@link IOException}, so that Jackson passes it
 * through unwrapped, and Spring reports it as the cause of an unreadable message, which is answered 413.
 */
public class BodyTooLargeException extends IOException {

    public BodyTooLargeException(long limit) {
        super("The request body has more than " + limit + " bytes; at most " + limit + " are accepted here");
    }
}
