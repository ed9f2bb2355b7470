package dev.orgservice.platform.validation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Currency;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An ISO 4217 currency code such as {@code EUR}; null is left to {@code @NotNull}. Not the codes that are no money
 * one pays in: "no currency" ({@code XXX}), the testing code ({@code XTS}), precious metals and special drawing rights
 * ({@code XAU}, {@code XDR}...), which the JDK lists with no minor unit, nor the withdrawn ones ({@code DEM},
 * {@code HRK}..., see {@code WithdrawnCurrencies}). Only new input is checked: events keep the code they were
 * recorded with, and {@code acceptWithdrawn} lets a request name a withdrawn code to remove what was recorded in it.
 */
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = IsoCurrency.Validator.class)
public @interface IsoCurrency {
    String message() default "must be an ISO 4217 currency code in use";
    Class<?>[] groups() default {};
    Class<? extends Payload>[] payload() default {};
    boolean acceptWithdrawn() default false;

    class Validator implements ConstraintValidator<IsoCurrency, String> {
        private static final Set<String> MONEY = Currency.getAvailableCurrencies().stream()
                .filter(currency -> currency.getDefaultFractionDigits() >= 0).map(Currency::getCurrencyCode)
                .collect(Collectors.toUnmodifiableSet());
        private static final Set<String> CURRENT = MONEY.stream()
                .filter(code -> !WithdrawnCurrencies.CODES.contains(code)).collect(Collectors.toUnmodifiableSet());

        private Set<String> codes = CURRENT;

        @Override
        public void initialize(IsoCurrency constraint) {
            codes = constraint.acceptWithdrawn() ? MONEY : CURRENT;
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || codes.contains(value);
        }
    }
}
