package dev.orgservice.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a component of an event (or of a value it carries): the component may be null, and is then left out of the
 * event's JSON (null fields are omitted). Every component without it is in every event, which is what the published
 * JSON Schemas (docs/schemas) promise consumers by listing it as {@code required}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface MayBeAbsent {
}
