package org.compliancerunner.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.compliancerunner.speech.Transcript;
import org.compliancerunner.speech.TranscriptSegment;
import org.compliancerunner.support.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

class RulePacksTest {

    private static JdbcClient jdbc;
    private static RulePacks rulePacks;

    private static final String V1 = "pack: store-test\nversion: 1\nrules:\n  - {id: a, kind: phrase, phrases: [damn]}\n";

    @BeforeAll
    static void database() {
        String url = TestDatabase.freshDatabaseUrl();
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").load().migrate();
        jdbc = JdbcClient.create(new DriverManagerDataSource(url));
        rulePacks = new RulePacks(jdbc, new RulePackParser());
    }

    private int storedRows(String name) {
        return jdbc.sql("SELECT count(*) FROM rule_packs WHERE name = :name").param("name", name)
                .query(Integer.class).single();
    }

    @Test
    void registerIsIdempotentForTheSameBody() throws Exception {
        RulePack first = rulePacks.register(rulePacks.parse(V1, "v1.yaml"));
        RulePack again = rulePacks.register(rulePacks.parse(V1, "v1-copy.yaml"));

        assertThat(again).isEqualTo(first);
        assertThat(first.checksum()).isEqualTo(RulePack.checksumOf(V1));
        assertThat(storedRows("store-test")).isEqualTo(1);
    }

    @Test
    void concurrentRegistrationsOfOneVersionAllSucceedWithOneRow() throws Exception {
        String body = "pack: concurrent\nversion: 7\nrules:\n  - {id: a, kind: phrase, phrases: [x]}\n";
        RulePack pack = rulePacks.parse(body, "c.yaml");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<RulePack>> calls = List.of(() -> rulePacks.register(pack), () -> rulePacks.register(pack),
                    () -> rulePacks.register(pack), () -> rulePacks.register(pack));
            for (Future<RulePack> result : pool.invokeAll(calls)) {
                assertThat(result.get().checksum()).isEqualTo(pack.checksum());
            }
        } finally {
            pool.shutdown();
        }
        assertThat(storedRows("concurrent")).isEqualTo(1);
    }

    @Test
    void aDifferentBodyUnderAStoredVersionIsRefused() throws Exception {
        String body = "pack: edited\nversion: 2\nrules:\n  - {id: a, kind: phrase, phrases: [damn]}\n";
        rulePacks.register(rulePacks.parse(body, "one.yaml"));
        RulePack edited = rulePacks.parse(body.replace("damn", "hell"), "two.yaml");

        assertThatThrownBy(() -> rulePacks.register(edited))
                .isInstanceOf(RulePackException.class)
                .hasMessageContaining("edited@2")
                .hasMessageContaining("already stored with a different body")
                .hasMessageContaining("bump version");
        assertThat(rulePacks.load("edited", 2).rules())
                .containsExactly(new PhraseRule("a", Severity.MEDIUM, List.of("damn")));
    }

    @Test
    void loadRoundTripsTheStoredBody() throws Exception {
        RulePack registered = rulePacks.register(rulePacks.defaultPack());
        RulePack loaded = rulePacks.load(registered.name(), registered.version());

        assertThat(loaded).isEqualTo(rulePacks.defaultPack());
        assertThat(loaded.body()).isEqualTo(rulePacks.defaultPack().body());
    }

    @Test
    void loadOfAnAbsentVersionSaysSo() {
        assertThatThrownBy(() -> rulePacks.load("never-stored", 4))
                .isInstanceOf(RulePackException.class)
                .hasMessageContaining("never-stored@4")
                .hasMessageContaining("no such rule pack version is stored");
    }

    @Test
    void parseOfAFileNamesAMissingFileAndADirectory(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> rulePacks.parse(dir.resolve("nope.yaml")))
                .isInstanceOf(RulePackException.class)
                .hasMessageContaining("nope.yaml").hasMessageContaining("no such file");
        assertThatThrownBy(() -> rulePacks.parse(dir))
                .isInstanceOf(RulePackException.class).hasMessageContaining("is a directory");
        Path file = Files.writeString(dir.resolve("ok.yaml"), V1);
        assertThat(rulePacks.parse(file).body()).isEqualTo(V1);
    }

    @Test
    void defaultPackParsesAndFlagsTheDemoClaims() {
        RulePack pack = rulePacks.defaultPack();
        assertThat(pack.name()).isEqualTo("broadcast-default");
        assertThat(pack.version()).isEqualTo(4);
        assertThat(pack.rules()).extracting(Rule::id).containsExactly(
                "language.profanity", "claims.guarantee", "claims.health", "claims.risk-free",
                "ru.language.profanity", "ru.claims.guarantee", "ru.claims.health", "ru.claims.risk-free",
                "audio.loudness", "audio.true-peak", "picture.black", "picture.freeze", "audio.silence", "picture.flash",
                "captions.quality", "captions.missing");
        assertThat(pack.rules()).filteredOn(r -> r instanceof CaptionQualityRule)
                .containsExactly(new CaptionQualityRule("captions.quality", Severity.LOW, "netflix", "adult", 5.0 / 6, 7,
                        2, 42, 2, 17));
        assertThat(pack.rules()).noneMatch(r -> r instanceof CaptionsRequiredRule);
        assertThat(pack.rules()).filteredOn(r -> r instanceof LoudnessRule)
                .containsExactly(new LoudnessRule("audio.loudness", Severity.HIGH, -23.0, 1.0));
        assertThat(pack.rules()).noneMatch(r -> r instanceof RequiredPhraseRule);

        Transcript demo = new Transcript("captions:srt", List.of(
                new TranscriptSegment(0, 4_000, "Invest today for guaranteed returns,", "captions:srt"),
                new TranscriptSegment(4_000, 8_000, "it's completely risk-free and clinically proven.", "captions:srt"),
                new TranscriptSegment(8_000, 9_000, "Our class of shitake mushrooms assesses well.", "captions:srt")),
                null);
        List<Trigger> triggers = new PolicyEngine().evaluate(pack, demo, 9_000);
        assertThat(triggers).extracting(Trigger::ruleId)
                .containsExactly("claims.guarantee", "claims.risk-free", "claims.health");
        assertThat(triggers.get(0).evidence()).contains("guaranteed returns");
    }

    @Test
    void defaultPackJudgesRussianSpeechWithItsRussianRulesInDictionaryForm() {
        RulePack pack = rulePacks.defaultPack();
        Transcript russian = new Transcript("captions:srt", List.of(
                new TranscriptSegment(0, 4_000, "Наш фонд обещает гарантированного дохода каждому,", "captions:srt"),
                new TranscriptSegment(4_000, 8_000, "и всё это без всякого риска!", "captions:srt")), null);

        List<Trigger> triggers = new PolicyEngine().evaluate(pack, russian, 8_000);

        assertThat(triggers).extracting(Trigger::ruleId).containsExactly("ru.claims.guarantee", "ru.claims.risk-free");
        assertThat(triggers).extracting(Trigger::matchedText).containsExactly("гарантированного дохода", "без всякого риска");
    }
}
