package dev.orgservice.platform.web;

import dev.orgservice.platform.security.TenantAccessInterceptor;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration
public class WebConfiguration implements WebMvcConfigurer {

    private final TenantAccessInterceptor tenantAccess;

    public WebConfiguration(TenantAccessInterceptor tenantAccess) {
        this.tenantAccess = tenantAccess;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(tenantAccess).addPathPatterns("/api/**");
    }
}
