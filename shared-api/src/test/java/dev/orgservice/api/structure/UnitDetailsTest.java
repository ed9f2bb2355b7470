package dev.orgservice.api.structure;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class UnitDetailsTest {

    private static final UnitDetails EVERYTHING = new UnitDetails("Acme GmbH", "HRB 1", "DE1", "DE", "EUR",
            new Address(null, "Berlin", null, null, "DE"), "Europe/Berlin", new GeoPoint(52.5, 13.4), "emp-7", "ADMIN",
            "RETAIL", Instant.parse("2030-01-01T00:00:00Z"), null, null);

    @Test
    void namesTheDetailsATypeDoesNotTake() {
        assertThat(EVERYTHING.foreignTo(UnitType.DEPARTMENT))
                .containsExactly("responsiblePersonId", "validTo", "category", "segment", "geo", "timezone");
        assertThat(EVERYTHING.foreignTo(UnitType.COST_CENTER)).containsExactly("segment", "geo", "timezone");
        assertThat(EVERYTHING.foreignTo(UnitType.PROFIT_CENTER)).containsExactly("category", "geo", "timezone");
        assertThat(EVERYTHING.foreignTo(UnitType.BRANCH)).containsExactly("responsiblePersonId", "validTo", "category",
                "segment");
        assertThat(UnitDetails.NONE.foreignTo(UnitType.LEGAL_ENTITY)).isEmpty();
    }

    @Test
    void keepsWhatTheTypeTakes() {
        UnitDetails branch = EVERYTHING.takenBy(UnitType.BRANCH);
        assertThat(branch.foreignTo(UnitType.BRANCH)).isEmpty();
        assertThat(branch.geo()).isEqualTo(EVERYTHING.geo());
        assertThat(branch.legalName()).isEqualTo("Acme GmbH");
        assertThat(branch.responsiblePersonId()).isNull();
        assertThat(UnitDetails.NONE.takenBy(UnitType.DEPARTMENT)).isSameAs(UnitDetails.NONE);
    }
}
