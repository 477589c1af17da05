package org.compliancerunner.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.compliancerunner.security.Role;
import org.compliancerunner.catalog.Ingest;
import org.compliancerunner.catalog.IngestResult;
import org.compliancerunner.cli.CliDriver;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

class ApiSecurityTest extends ApiTest {

    @Autowired
    JwtEncoder encoder;

    @Autowired
    Ingest ingest;

    @LocalManagementPort
    int managementPort;

    @Test
    void withoutATokenEverythingUnderApiIsRefusedWithAProblemAndABearerChallenge() {
        HttpResponse<String> response = get("/api/videos", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(h -> assertThat(h).startsWith("Bearer"));
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(body(response).get("status").asInt()).isEqualTo(401);
    }

    @Test
    void aTokenWithChangedClaimsIsRefused() {
        User uploader = user("tamper", Role.UPLOADER);
        String[] parts = uploader.token().split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String promoted = claims.replace("\"UPLOADER\"", "\"ADMIN\"");
        assertThat(promoted).isNotEqualTo(claims);
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(promoted.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

        assertThat(get("/api/jobs", forged).statusCode()).isEqualTo(401);
        assertThat(get("/api/videos", uploader.token()).statusCode()).isEqualTo(200);
    }

    @Test
    void anExpiredTokenIsRefused() {
        User admin = user("expired", Role.ADMIN);
        String expired = sign(admin.name(), "compliance-runner", Instant.now().minus(Duration.ofHours(2)), login(admin));
        String valid = sign(admin.name(), "compliance-runner", Instant.now().plus(Duration.ofHours(1)), login(admin));

        assertThat(get("/api/projects", expired).statusCode()).isEqualTo(401);
        assertThat(get("/api/projects", valid).statusCode()).isEqualTo(200);
    }

    @Test
    void aTokenFromAnotherIssuerIsRefused() {
        User admin = user("issuer", Role.ADMIN);

        assertThat(get("/api/projects", sign(admin.name(), "https://elsewhere.example", Instant.now().plusSeconds(600),
                login(admin))).statusCode()).isEqualTo(401);
    }

    @Test
    void aWrongPasswordGetsNoToken() {
        User someone = user("password", Role.UPLOADER);
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/auth/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + someone.name() + "\",\"password\":\"wrong password!\"}")));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(body(response).get("access_token")).isNull();
    }

    @Test
    void aRoleOutsideItsRightsIsForbidden() {
        User uploader = user("role-up", Role.UPLOADER);
        User operator = user("role-op", Role.OPERATOR);

        assertThat(get("/api/jobs", uploader.token()).statusCode()).isEqualTo(403);
        assertThat(post("/api/review/claims", uploader.token(), "{}").statusCode()).isEqualTo(403);
        HttpResponse<String> operatorRegisters = post("/api/videos", operator.token(), "{\"source\":\"/nowhere.mp4\"}");
        assertThat(operatorRegisters.statusCode()).isEqualTo(403);
        assertThat(body(operatorRegisters).get("type").asString()).isEqualTo("urn:problem:compliance-runner:forbidden");
        assertThat(post("/api/jobs", operator.token(), "{\"type\":\"SWEEP\"}").statusCode()).isEqualTo(403);
    }

    @Test
    void anotherOwnersVideoDoesNotExistForYouButDoesForAnAdministrator() throws Exception {
        User alice = user("alice", Role.UPLOADER);
        User bob = user("bob", Role.UPLOADER);
        User admin = user("admin", Role.ADMIN);
        var clips = clips("owned-" + alice.name(), 1, "hello");
        List<IngestResult> registered = ingest.ingestFor(alice.name(), clips.toString(), "p-" + alice.name(), null);
        long id = registered.get(0).id();

        assertThat(get("/api/videos/" + id, alice.token()).statusCode()).isEqualTo(200);
        HttpResponse<String> bobs = get("/api/videos/" + id, bob.token());
        assertThat(bobs.statusCode()).isEqualTo(404);
        assertThat(bobs.body()).doesNotContain(alice.name());
        assertThat(get("/api/videos/" + (id + 100_000), bob.token()).statusCode()).isEqualTo(404);
        assertThat(get("/api/videos/" + id + "/events", bob.token()).statusCode()).isEqualTo(404);
        assertThat(body(get("/api/videos?project=p-" + alice.name(), bob.token())).get("items")).isEmpty();
        assertThat(body(get("/api/videos?project=p-" + alice.name(), alice.token())).get("items")).hasSize(1);
        assertThat(body(get("/api/projects", bob.token())).toString()).doesNotContain("p-" + alice.name());
        assertThat(get("/api/videos/" + id, admin.token()).statusCode()).isEqualTo(200);
        // bob cannot register alice's files: a path is for administrators
        HttpResponse<String> intoAlices = post("/api/videos", bob.token(),
                "{\"source\":\"" + clips + "\",\"project\":\"p-" + alice.name() + "\"}");
        assertThat(intoAlices.statusCode()).isEqualTo(403);
    }

    @Test
    void healthIsOpenOnTheManagementPortAndTheApiDocumentationOnTheMainPort() {
        HttpResponse<String> health = send(HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + managementPort + "/actuator/health")).GET());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("UP");
        assertThat(get("/api-docs", null).statusCode()).isEqualTo(200);
    }

    @Test
    void aRefreshTokenWorksOnceAndItsReuseRevokesTheWholeLogin() {
        User operator = user("refresh", Role.OPERATOR);

        HttpResponse<String> first = post("/api/auth/refresh", null, "{\"refresh_token\":\"" + operator.refreshToken() + "\"}");
        assertThat(first.statusCode()).isEqualTo(200);
        String access = body(first).get("access_token").asString();
        String next = body(first).get("refresh_token").asString();
        assertThat(next).isNotEqualTo(operator.refreshToken());
        assertThat(get("/api/videos", access).statusCode()).isEqualTo(200);

        HttpResponse<String> reused = post("/api/auth/refresh", null, "{\"refresh_token\":\"" + operator.refreshToken() + "\"}");
        assertThat(reused.statusCode()).isEqualTo(401);
        assertThat(body(reused).get("detail").asString()).contains("already used");
        // the thief's reuse also ends the rightful holder's chain, and every access token of that login at once
        assertThat(post("/api/auth/refresh", null, "{\"refresh_token\":\"" + next + "\"}").statusCode()).isEqualTo(401);
        HttpResponse<String> revoked = get("/api/videos", access);
        assertThat(revoked.statusCode()).isEqualTo(401);
        assertThat(revoked.headers().firstValue("WWW-Authenticate").orElse("")).contains("login was revoked");
        assertThat(get("/api/videos", operator.token()).statusCode()).isEqualTo(401);
        // another login of the same user is not touched
        assertThat(get("/api/videos", userNamed(operator.name(), Role.OPERATOR).token()).statusCode()).isEqualTo(200);
    }

    @Test
    void aTokenWithoutExpiryIsRefused() {
        User admin = user("no-exp", Role.ADMIN);
        JwtClaimsSet claims = JwtClaimsSet.builder().issuer("compliance-runner").subject(admin.name())
                .issuedAt(Instant.now()).claim("sid", login(admin)).claim("roles", List.of("ADMIN")).build();
        String forever = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims))
                .getTokenValue();

        assertThat(get("/api/projects", forever).statusCode()).isEqualTo(401);
        assertThat(get("/api/projects", sign(admin.name(), "compliance-runner", Instant.now().plusSeconds(600), login(admin)))
                .statusCode()).isEqualTo(200);
    }

    @Test
    void aSignedTokenForAUserThatDoesNotExistOrWithoutALoginIsRefused() {
        User admin = user("real", Role.ADMIN);
        Instant soon = Instant.now().plusSeconds(600);

        // what anyone holding the signing key could mint: an administrator nobody created
        assertThat(get("/api/jobs", sign("ghost-admin", "compliance-runner", soon, login(admin))).statusCode()).isEqualTo(401);
        assertThat(get("/api/jobs", sign("ghost-admin", "compliance-runner", soon, UUID.randomUUID().toString()))
                .statusCode()).isEqualTo(401);
        // a real user, but a login that is not theirs, or none
        assertThat(get("/api/jobs", sign(admin.name(), "compliance-runner", soon, UUID.randomUUID().toString()))
                .statusCode()).isEqualTo(401);
        assertThat(get("/api/jobs", sign(admin.name(), "compliance-runner", soon, null)).statusCode()).isEqualTo(401);
        assertThat(get("/api/jobs", sign(admin.name(), "compliance-runner", soon, login(admin))).statusCode()).isEqualTo(200);
    }

    @Test
    void aDisabledRemovedOrDemotedUsersTokensAreRefused() {
        User disabled = user("disabled", Role.UPLOADER);
        User removed = user("removed", Role.UPLOADER);
        User demoted = user("demoted", Role.ADMIN);
        assertThat(get("/api/videos", disabled.token()).statusCode()).isEqualTo(200);
        assertThat(get("/api/jobs", demoted.token()).statusCode()).isEqualTo(200);

        accounts.setEnabled(disabled.name(), false);
        accounts.remove(removed.name());
        accounts.save(demoted.name(), Role.UPLOADER, PASSWORD);

        assertThat(get("/api/videos", disabled.token()).statusCode()).isEqualTo(401);
        assertThat(post("/api/auth/refresh", null, "{\"refresh_token\":\"" + disabled.refreshToken() + "\"}").statusCode())
                .isEqualTo(401);
        assertThat(login(disabled.name(), PASSWORD).statusCode()).isEqualTo(401);
        assertThat(get("/api/videos", removed.token()).statusCode()).isEqualTo(401);
        assertThat(get("/api/jobs", demoted.token()).statusCode()).isEqualTo(401);
        assertThat(get("/api/videos", demoted.token()).statusCode()).isEqualTo(401);

        accounts.setEnabled(disabled.name(), true);
        assertThat(get("/api/videos", disabled.token()).statusCode()).isEqualTo(200);
    }

    @Test
    void repeatedFailuresLockTheUserNameWhateverTheAddressAndOnlyThatName() {
        User attacked = user("attacked", Role.UPLOADER);
        User bystander = user("bystander", Role.UPLOADER);

        for (int i = 0; i < 5; i++) {
            assertThat(login(attacked.name(), "guess number " + i).statusCode()).isEqualTo(401);
        }
        // the right password no longer helps: the name is locked, not the address
        HttpResponse<String> locked = login(attacked.name(), PASSWORD);
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(body(locked).get("type").asString()).isEqualTo("urn:problem:compliance-runner:login-locked");
        assertThat(Long.parseLong(locked.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 30L);
        assertThat(body(locked).has("access_token")).isFalse();
        // an unknown name is locked the same way, so a lock does not tell which names exist
        for (int i = 0; i < 5; i++) {
            login("nobody-" + attacked.name(), "guess number " + i);
        }
        assertThat(login("nobody-" + attacked.name(), PASSWORD).statusCode()).isEqualTo(429);
        assertThat(login(bystander.name(), PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void aSuccessfulLoginStartsTheCountOfFailuresAfresh() {
        User forgetful = user("forgetful", Role.UPLOADER);

        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 4; i++) {
                assertThat(login(forgetful.name(), "typo " + i).statusCode()).isEqualTo(401);
            }
            assertThat(login(forgetful.name(), PASSWORD).statusCode()).isEqualTo(200);
        }
    }

    private HttpResponse<String> login(String name, String password) {
        return send(HttpRequest.newBuilder(uri("/api/auth/token")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + name + "\",\"password\":\"" + password + "\"}")));
    }

    /** The login (sid) a user's access token belongs to. */
    private String login(User user) {
        String claims = new String(Base64.getUrlDecoder().decode(user.token().split("\\.")[1]), StandardCharsets.UTF_8);
        return json.readTree(claims).get("sid").asString();
    }

    @Test
    void usersAddReadsThePasswordFromStandardInputAndTheUserCanLogIn() {
        InputStream original = System.in;
        try {
            System.setIn(new ByteArrayInputStream("a long enough password\n".getBytes(StandardCharsets.UTF_8)));
            CliDriver.Result result = cli.run("users", "add", "carol-cli", "--role", "OPERATOR");
            assertThat(result.exitCode()).isZero();
            assertThat(result.out()).contains("Created user carol-cli (OPERATOR)");
        } finally {
            System.setIn(original);
        }
        assertThat(accounts.authenticate("carol-cli", "a long enough password")).hasValueSatisfying(
                account -> assertThat(account.role()).isEqualTo(Role.OPERATOR));
        assertThat(accounts.authenticate("carol-cli", "another password")).isEmpty();
        assertThat(jdbc.sql("SELECT password_hash FROM users WHERE username = 'carol-cli'").query(String.class).single())
                .startsWith("{bcrypt}").doesNotContain("a long enough password");
    }

    private String sign(String subject, String issuer, Instant expiresAt, String login) {
        JwtClaimsSet.Builder builder = JwtClaimsSet.builder().issuer(issuer).subject(subject)
                .issuedAt(expiresAt.minus(Duration.ofHours(1))).expiresAt(expiresAt)
                .claim("roles", List.of("ADMIN"));
        if (login != null) {
            builder.claim("sid", login);
        }
        JwtClaimsSet claims = builder.build();
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims))
                .getTokenValue();
    }
}
