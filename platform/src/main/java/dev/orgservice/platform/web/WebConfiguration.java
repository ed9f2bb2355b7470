package dev.orgservice.platform.web;

import dev.orgservice.platform.security.TenantAccessInterceptor;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration
public class WebConfiguration implements WebMvcConfigurer {

    private final TenantAccessInterceptor tenantAccess;
    private final StrictQueryParameters strictQueryParameters;

    public WebConfiguration(TenantAccessInterceptor tenantAccess, StrictQueryParameters strictQueryParameters) {
        this.tenantAccess = tenantAccess;
        this.strictQueryParameters = strictQueryParameters;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(tenantAccess).addPathPatterns("/api/**");
        // before a query waits for minPosition (order 100): a request it would refuse need not wait
        registry.addInterceptor(strictQueryParameters).addPathPatterns("/api/**").order(50);
    }
}
