package org.compliancerunner.billing;

import java.util.Map;

import javax.sql.DataSource;

import org.compliancerunner.support.TestDatabase;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** A fresh migrated database with a ledger on it, and videos registered by plain SQL as ingest would. */
public final class LedgerDatabase {

    public final DataSource dataSource;
    public final JdbcClient jdbc;
    public final DataSourceTransactionManager transactionManager;
    public final TransactionTemplate transaction;

    public LedgerDatabase() {
        String url = TestDatabase.freshDatabaseUrl();
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").load().migrate();
        PGSimpleDataSource pg = new PGSimpleDataSource();
        pg.setURL(url);
        dataSource = pg;
        jdbc = JdbcClient.create(pg);
        transactionManager = new DataSourceTransactionManager(pg);
        transaction = new TransactionTemplate(transactionManager);
    }

    public MinutesLedger ledger(long defaultQuota, Map<String, Long> ownerQuotas) {
        return ledger(defaultQuota, QuotaPeriod.MONTHLY, ownerQuotas);
    }

    public MinutesLedger ledger(long defaultQuota, QuotaPeriod period, Map<String, Long> ownerQuotas) {
        Map<String, BillingProperties.OwnerQuota> owners = new java.util.HashMap<>();
        ownerQuotas.forEach((owner, quota) -> owners.put(owner, new BillingProperties.OwnerQuota(quota)));
        return new MinutesLedger(jdbc, new BillingProperties(defaultQuota, period, owners), transactionManager);
    }

    /** Moves the video's entries into the month before this one, as if it had been reserved then. */
    public void reservedLastMonth(long videoId) {
        jdbc.sql("UPDATE billing_entries SET period = CAST(period - INTERVAL '1 month' AS DATE) WHERE video_id = :id")
                .param("id", videoId).update();
    }

    /** A PENDING video of the owner, as ingest registers it; returns its id. */
    public long video(String owner, String title, Long durationMs) {
        long project = jdbc.sql("""
                        INSERT INTO projects (name, owner) VALUES (:name, :owner)
                        ON CONFLICT (owner, name) DO UPDATE SET name = EXCLUDED.name RETURNING id""")
                .param("name", "p-" + owner).param("owner", owner).query(Long.class).single();
        return jdbc.sql("""
                        INSERT INTO videos (project_id, title, source, media_path, sha256, size_bytes, duration_ms, owner)
                        VALUES (:project, :title, :title, :title, md5(:title) || md5(:title), 1, :duration, :owner)
                        RETURNING id""")
                .param("project", project).param("title", title).param("duration", durationMs).param("owner", owner)
                .query(Long.class).single();
    }

    public void status(long videoId, String status) {
        jdbc.sql("UPDATE videos SET status = :status WHERE id = :id").param("status", status).param("id", videoId).update();
    }

    public int entries(long videoId) {
        return jdbc.sql("SELECT count(*) FROM billing_entries WHERE video_id = :id").param("id", videoId)
                .query(Integer.class).single();
    }
}
