package dev.orgservice.query.tenant;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration
class TenantReadsConfiguration implements WebMvcConfigurer {

    private final OffboardedTenantReads offboardedTenantReads;

    TenantReadsConfiguration(OffboardedTenantReads offboardedTenantReads) {
        this.offboardedTenantReads = offboardedTenantReads;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // after a read has waited for minPosition (order 100): a read at the offboarding's position sees it
        registry.addInterceptor(offboardedTenantReads).addPathPatterns("/api/**").order(110);
    }
}
