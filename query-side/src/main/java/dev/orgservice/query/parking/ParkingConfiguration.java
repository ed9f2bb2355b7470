package dev.orgservice.query.parking;

import dev.orgservice.query.structure.HierarchyProjection;
import dev.orgservice.query.tenant.TenantProjection;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/** Every projection's processor parks a tenant's events it cannot store ({@link TenantParking}). */
@Configuration
public class ParkingConfiguration {

    private static final List<String> PROCESSORS = List.of(TenantProjection.PROCESSING_GROUP,
            HierarchyProjection.PROCESSING_GROUP);

    @Bean
    ConfigurerModule tenantParking(ParkedTenants parkedTenants, JdbcTemplate jdbc) {
        return configurer -> PROCESSORS.forEach(processor -> {
            TenantParking parking = new TenantParking(processor, parkedTenants, jdbc);
            configurer.eventProcessing()
                    .registerHandlerInterceptor(processor, configuration -> parking)
                    .registerErrorHandler(processor, configuration -> parking);
        });
    }
}
