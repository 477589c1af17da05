package org.compliancerunner.billing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The minutes ledger: reserve on ingest, settle on DONE, release on FAILED. Every method joins the caller's
 * transaction when there is one (so ingest can roll a registration back with its reservation, and the sweep settles
 * in its chunk transaction) and runs in its own otherwise. Each kind is written at most once per video, so retries
 * and restarts never charge twice; settle and release exclude each other, except that a released video which is
 * later checked after all is charged, keeping charged minutes equal to the minutes of DONE videos.
 */
@Service
public class MinutesLedger {

    private static final Logger log = LoggerFactory.getLogger(MinutesLedger.class);

    private final JdbcClient jdbc;
    private final BillingProperties properties;
    private final TransactionTemplate transactions;

    public MinutesLedger(JdbcClient jdbc, BillingProperties properties,
                         @Qualifier("transactionManager") PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /**
     * Refuses a video the owner's quota has no room for. Called before registering, in the transaction that then
     * registers and reserves, it also keeps concurrent ingests of the owner out until that transaction ends.
     */
    public void checkQuota(String owner, @Nullable Long durationMs) {
        // the refusal is thrown outside the template so that it does not mark the caller's transaction rollback-only
        QuotaExceededException refusal = transactions.execute(status -> {
            lockOwner(owner);
            return refusal(owner, BilledMinutes.of(durationMs));
        });
        if (refusal != null) {
            throw refusal;
        }
    }

    /**
     * Holds the video's started minutes against the owner's quota. Reserving a video again does nothing, even after
     * its reservation was settled or released.
     *
     * @throws QuotaExceededException when the quota has no room; nothing is written
     */
    public void reserve(long videoId, String owner, @Nullable Long durationMs) {
        long minutes = BilledMinutes.of(durationMs);
        QuotaExceededException refusal = transactions.execute(status -> {
            lockOwner(owner);
            if (reservationOf(videoId) != null) {
                return null;
            }
            QuotaExceededException overQuota = refusal(owner, minutes);
            if (overQuota == null) {
                jdbc.sql("""
                                INSERT INTO billing_entries (video_id, owner, kind, open_minutes, charged_minutes)
                                VALUES (:video, :owner, 'RESERVE', :minutes, 0)
                                ON CONFLICT (video_id, kind) DO NOTHING""")
                        .param("video", videoId).param("owner", owner).param("minutes", minutes)
                        .update();
            }
            return overQuota;
        });
        if (refusal != null) {
            throw refusal;
        }
    }

    /**
     * Charges the video's reserved minutes (it is DONE). Does nothing when already settled or never reserved; after a
     * release (FAILED, then checked after all) it charges the minutes again.
     */
    public void settle(long videoId) {
        transactions.executeWithoutResult(status -> {
            if (reservationOf(videoId) == null) {
                // registered before billing existed, or without a reservation: nothing to convert into a charge
                log.warn("video {} is DONE but has no minutes reserved; it is not charged", videoId);
                return;
            }
            jdbc.sql("""
                            INSERT INTO billing_entries (video_id, owner, kind, open_minutes, charged_minutes, period)
                            SELECT r.video_id, r.owner, 'SETTLE',
                                   CASE WHEN EXISTS (SELECT 1 FROM billing_entries l
                                                     WHERE l.video_id = r.video_id AND l.kind = 'RELEASE')
                                        THEN 0 ELSE -r.open_minutes END,
                                   r.open_minutes, r.period
                            FROM billing_entries r WHERE r.video_id = :video AND r.kind = 'RESERVE'
                            ON CONFLICT (video_id, kind) DO NOTHING""")
                    .param("video", videoId).update();
        });
    }

    /**
     * Returns the video's reserved minutes (it FAILED). Does nothing when already released, never reserved, or
     * settled: minutes charged for a checked video stay charged.
     */
    public void release(long videoId) {
        transactions.executeWithoutResult(status -> {
            if (reservationOf(videoId) == null) {
                return;
            }
            jdbc.sql("""
                            INSERT INTO billing_entries (video_id, owner, kind, open_minutes, charged_minutes, period)
                            SELECT r.video_id, r.owner, 'RELEASE', -r.open_minutes, 0, r.period
                            FROM billing_entries r WHERE r.video_id = :video AND r.kind = 'RESERVE'
                              AND NOT EXISTS (SELECT 1 FROM billing_entries s
                                              WHERE s.video_id = r.video_id AND s.kind = 'SETTLE')
                            ON CONFLICT (video_id, kind) DO NOTHING""")
                    .param("video", videoId).update();
        });
    }

    /**
     * Balances of one owner with its entries, or of every owner on the ledger or with a quota of their own when
     * {@code owner} is null (then without entries), in one quota period: the given month, the current month when
     * {@code month} is null and quotas are monthly, every entry ever when quotas are lifetime.
     */
    public Statement statement(@Nullable String owner, @Nullable YearMonth month) {
        YearMonth period = month != null ? month
                : properties.quotaPeriod() == QuotaPeriod.MONTHLY ? YearMonth.now(ZoneOffset.UTC) : null;
        Map<String, Totals> totals = new TreeMap<>();
        if (owner == null) {
            properties.owners().keySet().forEach(name -> totals.put(name, Totals.NONE));
        } else {
            totals.put(owner, Totals.NONE);
        }
        jdbc.sql("""
                        SELECT owner, COALESCE(SUM(open_minutes), 0) AS reserved, COALESCE(SUM(charged_minutes), 0) AS charged,
                               COALESCE(-SUM(open_minutes) FILTER (WHERE kind = 'RELEASE'), 0) AS released
                        FROM billing_entries
                        WHERE (CAST(:owner AS TEXT) IS NULL OR owner = :owner)
                          AND (CAST(:period AS DATE) IS NULL OR period = :period)
                        GROUP BY owner""")
                .param("owner", owner).param("period", firstDay(period))
                .query((rs, n) -> totals.put(rs.getString("owner"), totalsOf(rs)))
                .list();
        List<OwnerBalance> balances = totals.entrySet().stream()
                .map(e -> new OwnerBalance(e.getKey(), e.getValue().reserved(), e.getValue().charged(),
                        e.getValue().released(), properties.quotaFor(e.getKey())))
                .toList();
        return new Statement(period, balances, owner == null ? List.of() : entriesOf(owner, period));
    }

    /** The statement of the current quota period. */
    public Statement statement(@Nullable String owner) {
        return statement(owner, null);
    }

    private List<LedgerEntry> entriesOf(String owner, @Nullable YearMonth period) {
        return jdbc.sql("""
                        SELECT video_id, kind, GREATEST(abs(open_minutes), charged_minutes) AS minutes, created_at
                        FROM billing_entries WHERE owner = :owner AND (CAST(:period AS DATE) IS NULL OR period = :period)
                        ORDER BY created_at, id""")
                .param("owner", owner).param("period", firstDay(period))
                .query((rs, n) -> new LedgerEntry(rs.getLong("video_id"), EntryKind.valueOf(rs.getString("kind")),
                        rs.getLong("minutes"), rs.getObject("created_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    private static @Nullable LocalDate firstDay(@Nullable YearMonth period) {
        return period == null ? null : period.atDay(1);
    }

    // concurrent ingests of one owner take turns, so two cannot both fit into the room left for one;
    // the two-key form keeps billing's locks apart from any other feature's
    private void lockOwner(String owner) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('billing'), hashtext(:owner))")
                .param("owner", owner).query((rs, n) -> 0).list();
    }

    /** The reservation's minutes, locked so that a concurrent settle and release of the video take turns. */
    private @Nullable Long reservationOf(long videoId) {
        return jdbc.sql("SELECT open_minutes FROM billing_entries WHERE video_id = :video AND kind = 'RESERVE' FOR UPDATE")
                .param("video", videoId).query(Long.class).optional().orElse(null);
    }

    private @Nullable QuotaExceededException refusal(String owner, long minutes) {
        long quota = properties.quotaFor(owner);
        if (quota == 0) {
            return null;
        }
        boolean monthly = properties.quotaPeriod() == QuotaPeriod.MONTHLY;
        // the month as the database sees it: the one new reservations get as their period
        Totals used = jdbc.sql("""
                        SELECT COALESCE(SUM(open_minutes), 0) AS reserved, COALESCE(SUM(charged_minutes), 0) AS charged,
                               0 AS released
                        FROM billing_entries WHERE owner = :owner
                          AND (NOT :monthly OR period = CAST(date_trunc('month', now() AT TIME ZONE 'UTC') AS DATE))""")
                .param("owner", owner).param("monthly", monthly).query((rs, n) -> totalsOf(rs)).single();
        if (used.charged() + used.reserved() + minutes <= quota) {
            return null;
        }
        return new QuotaExceededException(new QuotaShortfall(owner, quota, used.charged(), used.reserved(), minutes),
                monthly ? "this month" : "in total", properties.quotaPropertyFor(owner));
    }

    private static Totals totalsOf(ResultSet rs) throws SQLException {
        return new Totals(rs.getLong("reserved"), rs.getLong("charged"), rs.getLong("released"));
    }

    private record Totals(long reserved, long charged, long released) {
        static final Totals NONE = new Totals(0, 0, 0);
    }
}
