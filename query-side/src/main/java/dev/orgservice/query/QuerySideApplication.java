package dev.orgservice.query;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The query side: projections over the Postgres event store, read models, the query REST API. */
@SpringBootApplication(scanBasePackages = {"dev.orgservice.query", "dev.orgservice.platform"})
@ConfigurationPropertiesScan
public class QuerySideApplication {

    /** Its own config file name, so both services can run in one JVM (local-system) without mixing settings. */
    public static final String CONFIG_NAME = "spring.config.name=query-side";

    public static SpringApplicationBuilder builder() {
        // Axon's update checker phones home at start-up; a service in a closed network must not
        System.setProperty("axoniq.update-checker.disabled", System.getProperty("axoniq.update-checker.disabled", "true"));
        return new SpringApplicationBuilder(QuerySideApplication.class).properties(CONFIG_NAME);
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
