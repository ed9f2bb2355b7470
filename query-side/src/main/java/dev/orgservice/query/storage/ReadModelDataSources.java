package dev.orgservice.query.storage;

import com.zaxxer.hikari.HikariDataSource;
import dev.orgservice.platform.eventstore.TokenTables;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;

/**
 * Two connection pools with two roles: the projector ({@code spring.datasource}) writes read models for
 * every tenant and keeps Axon's tokens; the API role ({@code org.query.api-datasource}) only reads, owns
 * nothing and is confined to one tenant per transaction by row-level security.
 */
@Configuration
public class ReadModelDataSources {

    public static final String API = "api";

    @Bean
    @Primary
    @ConfigurationProperties("spring.datasource")
    DataSourceProperties projectorDataSourceProperties() {
        return new DataSourceProperties();
    }

    @Bean
    @Primary
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(DataSourceProperties projectorDataSourceProperties) {
        return projectorDataSourceProperties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
    }

    /** Declared because the API's template below would otherwise stop Boot from creating this one. */
    @Bean
    @Primary
    JdbcTemplate jdbcTemplate(DataSource dataSource) {
        return new JdbcTemplate(dataSource);
    }

    @Bean
    @ConfigurationProperties("org.query.api-datasource")
    DataSourceProperties apiDataSourceProperties() {
        return new DataSourceProperties();
    }

    @Bean
    @Qualifier(API)
    @ConfigurationProperties("org.query.api-datasource.hikari")
    HikariDataSource apiDataSource(@Qualifier("apiDataSourceProperties") DataSourceProperties properties) {
        return properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
    }

    @Bean
    @Qualifier(API)
    JdbcTemplate apiJdbcTemplate(@Qualifier(API) DataSource apiDataSource) {
        return new JdbcTemplate(apiDataSource);
    }

    @Bean
    @Qualifier(API)
    TransactionTemplate apiTransactions(@Qualifier(API) DataSource apiDataSource) {
        TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(apiDataSource));
        transactions.setReadOnly(true);
        return transactions;
    }

    @Bean
    TokenSchema tokenSchema() {
        return TokenTables.schema(TokenTable.NAME);
    }
}
