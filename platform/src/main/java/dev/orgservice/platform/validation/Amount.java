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
 * An amount of money: not negative, at most 15 digits before the decimal point, 4 after it, and 15 significant
 * digits in all (trailing zeros after the point do not count); null is left to {@code @NotNull}.
 * <p>
 * 15 significant digits because amounts reach other services as JSON numbers, and the readers most consumers use
 * (JavaScript's {@code JSON.parse}, Python's {@code json}, Jackson's {@code readTree}) turn them into doubles, which
 * keep every decimal of up to 15 significant digits exactly and round longer ones: {@code 999999999999999.9999},
 * accepted until 2026-11-29, reached them as {@code 1.0E15} (a review's test, {@code MoneyAmountReviewTest}). ERP amount
 * fields are of that size anyway (13 or 15 digits with 2 decimals are usual); 4 decimals cover the currencies and
 * unit prices that need them. Not {@code @Digits(integer = 15, fraction = 4)}: Hibernate Validator counts the integer
 * digits as an {@code int}, so {@code 1E+2147483647} overflowed into a negative count and passed, was recorded, and
 * parked the tenant's read model (PostgreSQL: "value overflows numeric format").
 */
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = Amount.Validator.class)
public @interface Amount {
    String message() default "must be an amount of at least 0 with at most 15 significant digits and at most 4 decimals";
    Class<?>[] groups() default {};
    Class<? extends Payload>[] payload() default {};

    int MAX_DIGITS = 15;
    int MAX_DECIMALS = 4;

    class Validator implements ConstraintValidator<Amount, BigDecimal> {
        @Override
        public boolean isValid(BigDecimal value, ConstraintValidatorContext context) {
            // the integer digits first: as a long, so that no exponent overflows, and bounding the value
            return value == null || value.signum() >= 0 && (long) value.precision() - value.scale() <= MAX_DIGITS
                    && value.scale() <= MAX_DECIMALS && value.stripTrailingZeros().precision() <= MAX_DIGITS;
        }
    }
}
