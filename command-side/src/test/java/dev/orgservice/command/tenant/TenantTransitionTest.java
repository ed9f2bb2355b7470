package dev.orgservice.command.tenant;

import dev.orgservice.api.tenant.TenantStatus;
import dev.orgservice.platform.problem.OrgException;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The problem's text does not depend on the JVM's locale: in Turkish, "ACTIVATE".toLowerCase() is "actıvate". */
class TenantTransitionTest {

    @Test
    void namesTheTransitionInEnglishWhateverTheDefaultLocale() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.forLanguageTag("tr-TR"));
        try {
            assertThatThrownBy(() -> TenantTransition.ACTIVATE.requireAllowedFrom(TenantStatus.ACTIVE))
                    .isInstanceOf(OrgException.class).hasMessage("Cannot activate a tenant that is ACTIVE");
        } finally {
            Locale.setDefault(before);
        }
    }
}
