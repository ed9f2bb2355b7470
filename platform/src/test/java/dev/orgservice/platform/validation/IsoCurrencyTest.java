package dev.orgservice.platform.validation;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class IsoCurrencyTest {

    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    record Payment(@IsoCurrency String currency) {
    }

    record Removal(@IsoCurrency(acceptWithdrawn = true) String currency) {
    }

    @ParameterizedTest
    @ValueSource(strings = {"EUR", "USD", "CHF", "JPY", "SLE", "VED", "CLF"})
    void acceptsCurrenciesInUse(String code) {
        assertThat(VALIDATOR.validate(new Payment(code))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"DEM", "FRF", "HRK", "CUC", "SLL", "ZWL", "ANG", "VEF", "MRO", "USS"})
    void refusesCurrenciesWithdrawnFromIso4217(String code) {
        assertThat(VALIDATOR.validate(new Payment(code))).singleElement()
                .satisfies(violation -> assertThat(violation.getMessage()).contains("in use"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"XXX", "XTS", "XAU", "XDR", "eur", "ABC", ""})
    void refusesWhatIsNoMoneyOrNoCode(String code) {
        assertThat(VALIDATOR.validate(new Payment(code))).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"DEM", "EUR"})
    void acceptsAWithdrawnCodeWhereItIsAskedToRemoveWhatWasRecordedInIt(String code) {
        assertThat(VALIDATOR.validate(new Removal(code))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"XDR", "ABC"})
    void stillRefusesNonMoneyWhereWithdrawnCodesAreAccepted(String code) {
        assertThat(VALIDATOR.validate(new Removal(code))).hasSize(1);
    }
}
