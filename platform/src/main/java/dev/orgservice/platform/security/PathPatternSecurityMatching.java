package dev.orgservice.platform.security;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.ManagedList;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.web.PathPatternRequestMatcherBuilderFactoryBean;
import org.springframework.security.web.context.AbstractSecurityWebApplicationInitializer;

/**
 * Spring Security matches its URL rules with Spring MVC's path patterns directly instead of asking MVC's handler
 * mappings which handler a request would reach.
 * <p>
 * By default (Security 6.5 with MVC) every {@code requestMatchers("/...")} rule asks the
 * {@code HandlerMappingIntrospector}, and Security puts a filter in front of its chain that looks up the request's
 * handler once more, before the {@code DispatcherServlet} does it again, so that those rules and MVC's CORS
 * settings can share one lookup. Here the rules are plain path patterns
 * ({@link PathPatternRequestMatcherBuilderFactoryBean}, Security 7's default), CORS comes from our own source
 * ({@code CorsConfiguration}), and nothing reads that lookup: {@link #withoutHandlerLookupBeforeTheChain} takes
 * the filter out. It was 9% of a REST read's request-thread CPU in a profile (docs/benchmarks.md).
 */
@Configuration(proxyBeanMethods = false)
class PathPatternSecurityMatching {

    /** The name Security gives its filter chain; wrapped by Security's MVC support, see below. */
    static final String FILTER_CHAIN = AbstractSecurityWebApplicationInitializer.DEFAULT_FILTER_NAME;

    @Bean
    static PathPatternRequestMatcherBuilderFactoryBean pathPatternRequestMatcherBuilder() {
        return new PathPatternRequestMatcherBuilderFactoryBean();
    }

    /**
     * Security's MVC support replaces the filter chain's bean definition by a composite of two: the handler lookup
     * cache and the chain itself. This puts the chain's own definition back. Should a Security upgrade define the
     * chain differently, the definition is left as it is (the lookup costs time, nothing else), and
     * {@code PathPatternSecurityMatchingTest} says so.
     */
    @Bean
    static BeanFactoryPostProcessor withoutHandlerLookupBeforeTheChain() {
        return beanFactory -> {
            if (!(beanFactory instanceof BeanDefinitionRegistry registry)
                    || !registry.containsBeanDefinition(FILTER_CHAIN)) {
                return;
            }
            BeanDefinition composite = registry.getBeanDefinition(FILTER_CHAIN);
            var argument = composite.getConstructorArgumentValues().getIndexedArgumentValue(0, null);
            if (argument != null && argument.getValue() instanceof ManagedList<?> filters && filters.size() == 2
                    && filters.get(1) instanceof BeanDefinition chain
                    && filters.get(0) instanceof BeanDefinition cache
                    && String.valueOf(cache.getBeanClassName()).contains("HandlerMappingIntrospectorCacheFilter")) {
                registry.removeBeanDefinition(FILTER_CHAIN);
                registry.registerBeanDefinition(FILTER_CHAIN, chain);
            }
        };
    }
}
