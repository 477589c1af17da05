package org.compliancerunner.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.compliancerunner.support.CatalogRows;
import org.compliancerunner.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** The ledger as the application builds it: its settings bound, the Batch transaction manager chosen among two. */
@TestPropertySource(properties = "compliance.billing.owners.in-app.quota-minutes=1")
class MinutesLedgerInApplicationTest extends IntegrationTest {

    @Autowired
    MinutesLedger ledger;

    @Test
    void reservesAgainstTheConfiguredQuotaOfTheOwner() {
        long project = CatalogRows.project(jdbc, "billing-in-app", "in-app");
        long video = jdbc.sql("""
                        INSERT INTO videos (project_id, title, source, media_path, sha256, size_bytes, duration_ms, owner)
                        VALUES (:project, 'spot', 'spot', 'spot', repeat('a', 64), 1, 30000, 'in-app') RETURNING id""")
                .param("project", project).query(Long.class).single();

        ledger.reserve(video, "in-app", 30_000L);
        assertThatThrownBy(() -> ledger.checkQuota("in-app", 30_000L))
                .hasMessageContaining("quota 1 min").hasMessageContaining("compliance.billing.owners.in-app.quota-minutes");
        ledger.settle(video);

        assertThat(ledger.statement("in-app").balances()).containsExactly(new OwnerBalance("in-app", 0, 1, 0, 1));
    }
}
