package org.compliancerunner.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

import com.nimbusds.jose.jwk.RSAKey;
import org.compliancerunner.config.HomeSecrets;
import org.compliancerunner.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** The built-in issuer's key at rest: in the clear without a secret, encrypted with one, the same key either way. */
class SigningKeysTest extends IntegrationTest {

    private static final String SECRET = "correct horse battery staple";

    private record Row(String kid, byte[] privateKey, String salt) {
    }

    @BeforeEach
    @AfterEach
    void noKey() {
        // the database is shared with the context's other tests, whose child JVMs start without the secret
        jdbc.sql("DELETE FROM signing_keys").update();
    }

    @Test
    void aKeyStoredInTheClearIsEncryptedOnceASecretIsSetAndStaysTheSameKey() throws Exception {
        RSAKey clear = SigningKeys.current(jdbc, null);
        assertThat(row().salt()).isNull();
        assertThat(row().privateKey()).isEqualTo(clear.toRSAPrivateKey().getEncoded());

        RSAKey encrypted = SigningKeys.current(jdbc, SECRET);

        assertThat(encrypted.getKeyID()).isEqualTo(clear.getKeyID());
        assertThat(encrypted.toRSAPrivateKey()).isEqualTo(clear.toRSAPrivateKey());
        assertThat(row().salt()).isNotNull();
        assertThat(row().privateKey()).isNotEqualTo(clear.toRSAPrivateKey().getEncoded());
        // the next start reads it back with the secret
        assertThat(SigningKeys.current(jdbc, SECRET).toRSAPrivateKey()).isEqualTo(clear.toRSAPrivateKey());
    }

    @Test
    void aNewKeyIsEncryptedFromTheStartAndOnlyItsSecretOpensIt() throws Exception {
        RSAKey key = SigningKeys.current(jdbc, SECRET);
        byte[] plain = key.toRSAPrivateKey().getEncoded();

        assertThat(row().salt()).isNotNull();
        assertThat(indexOf(row().privateKey(), plain)).isEqualTo(-1);
        assertThatThrownBy(() -> SigningKeys.current(jdbc, "another secret, just as long"))
                .isInstanceOf(SigningKeyUnreadableException.class)
                .hasMessageContaining("compliance.api.signing-key-secret does not decrypt")
                .hasMessageContaining(key.getKeyID());
        assertThatThrownBy(() -> SigningKeys.current(jdbc, null))
                .isInstanceOf(SigningKeyUnreadableException.class)
                .hasMessageContaining("stored encrypted: set compliance.api.signing-key-secret");
        // the refusals changed nothing: the secret still opens the same key
        assertThat(SigningKeys.current(jdbc, SECRET).toRSAPrivateKey().getEncoded()).isEqualTo(plain);
    }

    @Test
    void aStartThatCannotOpenTheKeySaysWhichSettingToFix() {
        Throwable startFailure = new BeanCreationException("signingKey", "Failed to instantiate",
                catchThrowable(() -> {
                    SigningKeys.current(jdbc, SECRET);
                    SigningKeys.current(jdbc, "another secret, just as long");
                }));

        FailureAnalysis analysis = new SigningKeyFailureAnalyzer().analyze(startFailure);

        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).contains("does not decrypt the stored token signing key");
        assertThat(analysis.getAction()).contains("COMPLIANCE_API_SIGNING_KEY_SECRET").contains("signing_keys");
    }

    private Row row() {
        return jdbc.sql("SELECT kid, private_key, salt FROM signing_keys").query(Row.class).single();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Test
    void onTheEmbeddedDatabaseAKeyIsEncryptedWithAGeneratedOwnerOnlySecretAndMovesToAConfiguredOne(@TempDir Path home)
            throws Exception {
        // a key in the clear, as every home had it before: readable by whoever could reach the database
        RSAKey clear = SigningKeys.current(jdbc, null);
        HomeSecrets homeSecrets = new HomeSecrets(home);

        RSAKey started = new BuiltInIssuer().signingKey(jdbc, properties(null), provider(homeSecrets));

        assertThat(started.toRSAPrivateKey()).isEqualTo(clear.toRSAPrivateKey());
        assertThat(row().salt()).isNotNull();
        assertThat(indexOf(row().privateKey(), clear.toRSAPrivateKey().getEncoded())).isEqualTo(-1);
        Path secretFile = home.resolve("signing-key.secret");
        assertThat(Files.getPosixFilePermissions(secretFile)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        // the next start opens it with the same file
        assertThat(new BuiltInIssuer().signingKey(jdbc, properties(null), provider(homeSecrets)).toRSAPrivateKey())
                .isEqualTo(clear.toRSAPrivateKey());

        // a configured secret wins: the key moves over to it, and the secret alone opens it from then on
        RSAKey configured = new BuiltInIssuer().signingKey(jdbc, properties(SECRET), provider(homeSecrets));
        assertThat(configured.toRSAPrivateKey()).isEqualTo(clear.toRSAPrivateKey());
        assertThat(SigningKeys.current(jdbc, SECRET).toRSAPrivateKey()).isEqualTo(clear.toRSAPrivateKey());
        assertThatThrownBy(() -> SigningKeys.current(jdbc, homeSecrets.signingKeySecret()))
                .isInstanceOf(SigningKeyUnreadableException.class);
    }

    @Test
    void onAConfiguredDatabaseWithoutASecretNoFileIsMade(@TempDir Path home) {
        new BuiltInIssuer().signingKey(jdbc, properties(null), provider(null));

        assertThat(row().salt()).isNull();
        assertThat(home.resolve("signing-key.secret")).doesNotExist();
    }

    private static TokenProperties properties(String secret) {
        return new TokenProperties("compliance-runner", Duration.ofHours(24), Duration.ofDays(7), "roles", secret);
    }

    private static ObjectProvider<HomeSecrets> provider(HomeSecrets secrets) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        if (secrets != null) {
            beans.addBean("homeSecrets", secrets);
        }
        return beans.getBeanProvider(HomeSecrets.class);
    }
}
