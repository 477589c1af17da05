package org.compliancerunner.config;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;

/**
 * Puts the replica behind the application's {@code dataSource}, whichever way that was built (Boot's pool or the
 * embedded server): a {@link LazyConnectionDataSourceProxy} takes its connection only at the first statement, from
 * the replica when the transaction is read-only and from the primary otherwise. Statements outside a transaction,
 * every write transaction, the sweep and Flyway keep the primary.
 */
final class ReplicaRouting implements BeanPostProcessor, DisposableBean {

    private final Environment environment;
    private volatile @Nullable ReplicaReadSource reads;

    ReplicaRouting(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!"dataSource".equals(beanName) || !(bean instanceof DataSource primary)) {
            return bean;
        }
        ReplicaProperties properties = Binder.get(environment).bindOrCreate("compliance.datasource.replica",
                ReplicaProperties.class);
        ReplicaReadSource source = new ReplicaReadSource(replicaPool(properties, primary), primary, properties);
        reads = source;
        source.verifyAtStart();
        LazyConnectionDataSourceProxy routed = new LazyConnectionDataSourceProxy(primary);
        routed.setReadOnlyDataSource(source);
        return routed;
    }

    /** The replica's reads, once the application's data source was built. */
    ReplicaReadSource reads() {
        if (reads == null) {
            throw new IllegalStateException("no bean named dataSource was built, so there is no replica to read from");
        }
        return reads;
    }

    private static HikariDataSource replicaPool(ReplicaProperties properties, DataSource primary) {
        HikariDataSource pool = new HikariDataSource();
        pool.setPoolName("replica");
        pool.setJdbcUrl(properties.url());
        HikariDataSource primaryPool = HikariPools.behind(primary);
        String username = properties.username() != null || primaryPool == null ? properties.username() : primaryPool.getUsername();
        String password = properties.password() != null || primaryPool == null ? properties.password() : primaryPool.getPassword();
        pool.setUsername(username);
        pool.setPassword(password);
        pool.setMaximumPoolSize(properties.maximumPoolSize());
        pool.setMinimumIdle(Math.min(2, properties.maximumPoolSize()));
        pool.setConnectionTimeout(properties.connectionTimeout().toMillis());
        // a replica that is away at start-up must not stop the API: reads use the primary until it answers
        pool.setInitializationFailTimeout(-1);
        pool.setReadOnly(true);
        return pool;
    }

    /** The replica's pool closes with the context; the primary's is closed as the bean it was built as. */
    @Override
    public void destroy() {
        if (reads != null) {
            reads.close();
        }
    }
}
