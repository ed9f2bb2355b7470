package dev.orgservice.query.consistency;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration
public class ConsistencyConfiguration implements WebMvcConfigurer {

    private final ReadYourWrites readYourWrites;

    public ConsistencyConfiguration(ReadYourWrites readYourWrites) {
        this.readYourWrites = readYourWrites;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // after the tenant check (order 0): never wait on behalf of a caller who may not read the resource
        registry.addInterceptor(readYourWrites).addPathPatterns("/api/**").order(100);
    }
}
