package dev.orgservice.platform.validation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.math.BigDecimal;

/**
 * An amount of money: not negative, at most 15 digits before the decimal point and 4 after it (what the read model's
 * {@code numeric} columns and the events' consumers take); null is left to {@code @NotNull}. Not
 * {@code @Digits(integer = 15, fraction = 4)}: Hibernate Validator counts the integer digits as an {@code int}, so
 * {@code 1E+2147483647} overflowed into a negative count and passed, was recorded, and parked the tenant's read model
 * (PostgreSQL: "value overflows numeric format").
 */
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = Amount.Validator.class)
public @interface Amount {
    String message() default "must be an amount of at least 0 with at most 15 digits before the decimal point and 4 after";
    Class<?>[] groups() default {};
    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<Amount, BigDecimal> {
        @Override
        public boolean isValid(BigDecimal value, ConstraintValidatorContext context) {
            return value == null || value.signum() >= 0 && (long) value.precision() - value.scale() <= 15
                    && value.scale() <= 4;
        }
    }
}
