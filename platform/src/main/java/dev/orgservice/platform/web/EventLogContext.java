package dev.orgservice.platform.web;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.MDC;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * While an event processor handles an event, the log context holds the event's {@code correlationId},
 * {@code tenantId} and {@code userId} (its metadata, from the request whose command recorded it): the query side's
 * lines about an event (a parked tenant, a failing projection) and the Kafka publisher's then name the request, as
 * the request's own lines do. What the thread held before is put back (a subscribing processor runs on the
 * request's thread).
 */
@Configuration
public class EventLogContext {

    static final List<String> KEYS = List.of("correlationId", "tenantId", "userId");

    @Bean
    ConfigurerModule eventLogContextOnEveryProcessor() {
        return configurer -> configurer.eventProcessing()
                .registerDefaultHandlerInterceptor((configuration, processor) -> new Interceptor());
    }

    static final class Interceptor implements MessageHandlerInterceptor<EventMessage<?>> {

        @Override
        public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
            MetaData metadata = unitOfWork.getMessage().getMetaData();
            Map<String, String> before = new HashMap<>();
            for (String key : KEYS) {
                Object value = metadata.get(key);
                if (value != null) {
                    before.put(key, MDC.get(key));
                    MDC.put(key, value.toString());
                }
            }
            try {
                return chain.proceed();
            } finally {
                before.forEach((key, previous) -> {
                    if (previous == null) {
                        MDC.remove(key);
                    } else {
                        MDC.put(key, previous);
                    }
                });
            }
        }
    }
}
