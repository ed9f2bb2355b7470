package dev.orgservice.platform.validation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.IllformedLocaleException;
import java.util.Locale;

/**
 * A BCP 47 language tag with a known language, such as {@code de-DE}, of at most {@link #MAX_LENGTH} characters;
 * null is left to {@code @NotNull}. The length is RFC 5646's (4.4.1), and the read model's column: any number of
 * variants and private-use subtags is well-formed, and a 43-character tag was recorded, then parked the tenant's
 * read model on an event it could not store (found by a review, 2026-11-28).
 */
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = LanguageTag.Validator.class)
public @interface LanguageTag {
    int MAX_LENGTH = 35;

    String message() default "must be a BCP 47 language tag such as de-DE, of at most 35 characters";
    Class<?>[] groups() default {};
    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<LanguageTag, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            if (value.length() > MAX_LENGTH) {
                return false;
            }
            try {
                Locale locale = new Locale.Builder().setLanguageTag(value).build();
                return !locale.getLanguage().isEmpty() && !locale.getISO3Language().isEmpty();
            } catch (IllformedLocaleException | java.util.MissingResourceException e) {
                return false;
            }
        }
    }
}
