package org.compliancerunner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.compliancerunner.billing.LedgerDatabase;
import org.compliancerunner.billing.MinutesLedger;
import org.compliancerunner.catalog.Videos;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

class BillingCommandTest {

    private static final String TIME = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z";

    private final LedgerDatabase db = new LedgerDatabase();
    private final MinutesLedger ledger = db.ledger(0, Map.of("alice", 10L));
    private final JsonMapper json = JsonMapper.builder().build();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return run(ledger, args);
    }

    private int run(MinutesLedger ledger, String... args) {
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                return type == BillingCommand.StatementCommand.class
                        ? type.cast(new BillingCommand.StatementCommand(ledger, new Videos(db.jdbc), new JsonOutput(json)))
                        : CommandLine.defaultFactory().create(type);
            }
        };
        return new CommandLine(new BillingCommand(), factory)
                .setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute(args);
    }

    private long[] aliceAndBob() {
        long spot = db.video("alice", "ad-spot", 61_000L);
        long broken = db.video("alice", "broken-upload", 90_000L);
        long ident = db.video("alice", "station-ident", 6_000L);
        long trailer = db.video("bob", "trailer", 150_000L);
        ledger.reserve(spot, "alice", 61_000L);
        ledger.reserve(broken, "alice", 90_000L);
        ledger.reserve(ident, "alice", 6_000L);
        ledger.reserve(trailer, "bob", 150_000L);
        ledger.settle(spot);
        ledger.release(broken);
        ledger.settle(trailer);
        return new long[] {spot, broken, ident, trailer};
    }

    @Test
    void statementShowsEveryOwnersMinutesAndQuota() {
        aliceAndBob();

        assertThat(run("statement")).isZero();
        assertThat(out.toString().lines()).containsExactly(
                "Minutes for " + YearMonth.now(ZoneOffset.UTC) + " (UTC):",
                "alice            reserved     1 min · charged     2 min · released     2 min · quota 10 min · remaining 7 min",
                "bob              reserved     0 min · charged     3 min · released     0 min · quota unlimited");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void statementOfOneOwnerListsItsEntriesWithTitles() {
        long[] v = aliceAndBob();

        assertThat(run("statement", "--owner", "alice")).isZero();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSize(7);
        assertThat(lines.get(1)).startsWith("alice            reserved     1 min · charged     2 min");
        assertThat(lines.subList(2, 7)).satisfiesExactly(
                line -> assertThat(line).matches("  #%-5d RESERVE      2 min  %s  ad-spot".formatted(v[0], TIME)),
                line -> assertThat(line).matches("  #%-5d RESERVE      2 min  %s  broken-upload".formatted(v[1], TIME)),
                line -> assertThat(line).matches("  #%-5d RESERVE      1 min  %s  station-ident".formatted(v[2], TIME)),
                line -> assertThat(line).matches("  #%-5d SETTLE       2 min  %s  ad-spot".formatted(v[0], TIME)),
                line -> assertThat(line).matches("  #%-5d RELEASE      2 min  %s  broken-upload".formatted(v[1], TIME)));
    }

    @Test
    void jsonGivesOneObjectPerOwnerThenPerEntry() {
        long[] v = aliceAndBob();

        assertThat(run("statement", "--json")).isZero();
        List<Map<String, Object>> owners = objects();
        assertThat(owners).hasSize(2);
        assertThat(owners.get(0)).isEqualTo(Map.of("owner", "alice", "period", YearMonth.now(ZoneOffset.UTC).toString(),
                "reserved", 1, "charged", 2, "released", 2, "quota", 10, "remaining", 7));
        assertThat(owners.get(0).keySet()).containsExactly("owner", "period", "reserved", "charged", "released", "quota", "remaining");
        assertThat(owners.get(1)).containsEntry("owner", "bob").containsEntry("charged", 3)
                .containsEntry("quota", null).containsEntry("remaining", null);

        out.getBuffer().setLength(0);
        assertThat(run("statement", "--owner", "bob", "--json")).isZero();
        List<Map<String, Object>> bob = objects();
        assertThat(bob).hasSize(3);
        assertThat(bob.get(0)).containsEntry("owner", "bob").containsEntry("reserved", 0).containsEntry("charged", 3);
        assertThat(bob.get(2)).containsEntry("owner", "bob").containsEntry("videoId", (int) v[3])
                .containsEntry("title", "trailer").containsEntry("kind", "SETTLE").containsEntry("minutes", 3);
        assertThat((String) bob.get(2).get("at")).matches(TIME);
    }

    @Test
    void anEmptyLedgerSaysWhereMinutesComeFrom() {
        // without quotas of their own, owners appear only once they have entries
        assertThat(run(db.ledger(0, Map.of()), "statement")).isZero();
        assertThat(out.toString().trim())
                .isEqualTo("No minutes on the ledger for " + YearMonth.now(ZoneOffset.UTC)
                        + " (UTC): ingest reserves them, a sweep settles or releases them.");
    }

    @Test
    void anEarlierMonthIsShownOnRequestAndAMalformedMonthIsAUsageError() {
        long[] v = aliceAndBob();
        db.reservedLastMonth(v[3]);
        YearMonth last = YearMonth.now(ZoneOffset.UTC).minusMonths(1);

        assertThat(run("statement", "--period", last.toString())).isZero();
        assertThat(out.toString().lines()).containsExactly("Minutes for " + last + " (UTC):",
                "alice            reserved     0 min · charged     0 min · released     0 min · quota 10 min · remaining 10 min",
                "bob              reserved     0 min · charged     3 min · released     0 min · quota unlimited");

        assertThat(run("statement", "--period", "11/2026")).isEqualTo(2);
        assertThat(err.toString()).contains("'11/2026' is not a month; write it as YYYY-MM");
    }

    @Test
    void billingWithoutASubcommandIsAUsageError() {
        assertThat(run()).isEqualTo(2);
        assertThat(err.toString()).contains("statement");
        assertThat(run("statement", "--bogus")).isEqualTo(2);
    }

    private List<Map<String, Object>> objects() {
        return out.toString().lines().map(line -> json.readValue(line, new TypeReference<Map<String, Object>>() { }))
                .toList();
    }
}
