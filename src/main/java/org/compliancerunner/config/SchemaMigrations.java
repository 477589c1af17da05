package org.compliancerunner.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.boot.flyway.autoconfigure.FlywayProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.Ordered;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Flyway validates and migrates once per set of migrations, not on every command: after a successful migrate the
 * schema history table is marked with a digest of the migration scripts this jar carries, and a process that finds
 * its own digest there neither migrates nor builds Flyway at all (a good part of a short command's start-up). A jar
 * with a new or changed script has another digest and migrates, validating as usual; so does a database migrated by
 * anything else, whose mark does not match.
 */
@Configuration(proxyBeanMethods = false)
public class SchemaMigrations {

    private static final String MARK = "compliance-runner migrations ";

    /** Migrations run at start-up even in a context that makes its other beans on first use. */
    @Bean
    static LazyInitializationExcludeFilter eagerMigrations() {
        return LazyInitializationExcludeFilter.forBeanTypes(FlywayMigrationInitializer.class);
    }

    /**
     * Boot makes every JDBC bean wait for the Flyway bean as well as for the initializer, which would build Flyway
     * (its plugins alone are some 800 classes) on every start. The initializer is what migrates; waiting for it is
     * enough, and it asks for Flyway only when there is something to do.
     */
    @Bean
    static BeanFactoryPostProcessor flywayOnlyWhenMigrating() {
        return new WaitForInitializerOnly();
    }

    private static final class WaitForInitializerOnly implements BeanFactoryPostProcessor, Ordered {

        @Override
        public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
            Set<String> flyways = Set.of(beanFactory.getBeanNamesForType(Flyway.class, true, false));
            for (String name : beanFactory.getBeanDefinitionNames()) {
                BeanDefinition definition = beanFactory.getBeanDefinition(name);
                String[] dependsOn = definition.getDependsOn();
                if (dependsOn != null && Arrays.stream(dependsOn).anyMatch(flyways::contains)) {
                    definition.setDependsOn(Arrays.stream(dependsOn).filter(bean -> !flyways.contains(bean))
                            .toArray(String[]::new));
                }
            }
        }

        @Override
        public int getOrder() {
            // after Boot's DatabaseInitializationDependencyConfigurer, which adds the dependencies (order 0)
            return Ordered.LOWEST_PRECEDENCE;
        }
    }

    /** Replaces Boot's initializer: Flyway itself is made only when the schema is not the one this jar expects. */
    @Bean
    FlywayMigrationInitializer flywayInitializer(@Lazy Flyway flyway, DataSource dataSource, FlywayProperties properties,
            ResourceLoader resources) {
        return new FlywayMigrationInitializer(flyway, lazyFlyway -> {
            String table = table(properties);
            String expected = MARK + digest(resources, properties.getLocations());
            JdbcClient jdbc = JdbcClient.create(dataSource);
            if (!expected.equals(mark(jdbc, table))) {
                lazyFlyway.migrate();
                jdbc.sql("COMMENT ON TABLE " + table + " IS '" + expected + "'").update();
            }
        });
    }

    /** The mark on the history table, or null before the first migration. */
    private static @Nullable String mark(JdbcClient jdbc, String table) {
        return jdbc.sql("SELECT obj_description(to_regclass(:table), 'pg_class')").param("table", table)
                .query(String.class).optional().orElse(null);
    }

    private static String table(FlywayProperties properties) {
        List<String> schemas = properties.getSchemas();
        return schemas.isEmpty() ? properties.getTable() : schemas.get(0) + "." + properties.getTable();
    }

    /** SHA-256 over the names and contents of the migration scripts in these locations, in name order. */
    static String digest(ResourceLoader resources, List<String> locations) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(resources);
            for (String location : locations) {
                String pattern = location.startsWith("filesystem:") ? "file:" + location.substring("filesystem:".length())
                        : "classpath*:" + location.replaceFirst("^classpath:", "");
                Resource[] scripts = resolver.getResources(pattern + "/**/*.sql");
                Arrays.sort(scripts, Comparator.comparing(Resource::getFilename));
                for (Resource script : scripts) {
                    sha.update(script.getFilename().getBytes(StandardCharsets.UTF_8));
                    try (InputStream in = script.getInputStream()) {
                        sha.update(in.readAllBytes());
                    }
                }
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the migration scripts: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
