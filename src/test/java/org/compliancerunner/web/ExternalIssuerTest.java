package org.compliancerunner.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** An external issuer replaces the built-in one: its JWK set is served by a local HTTP server, as an IdP would. */
class ExternalIssuerTest extends ApiTest {

    private static final String ISSUER = "https://idp.example/realms/broadcast";
    private static final RSAKey KEY = generate();
    private static final HttpServer IDP = serve(KEY);

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
                () -> "http://127.0.0.1:" + IDP.getAddress().getPort() + "/certs");
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> ISSUER);
    }

    @Test
    void tokensOfTheConfiguredIssuerAreAcceptedAndOthersAreNot() throws Exception {
        assertThat(get("/api/projects", sign(KEY, ISSUER, "ADMIN")).statusCode()).isEqualTo(200);
        assertThat(get("/api/jobs", sign(KEY, ISSUER, "UPLOADER")).statusCode()).isEqualTo(403);
        assertThat(get("/api/projects", sign(KEY, "https://other.example", "ADMIN")).statusCode()).isEqualTo(401);
        assertThat(get("/api/projects", sign(generate(), ISSUER, "ADMIN")).statusCode()).isEqualTo(401);
        // the built-in issuer is off: no tokens for passwords, and no key of its own in the database
        assertThat(post("/api/auth/token", null, "{\"username\":\"a\",\"password\":\"b\"}").statusCode()).isNotEqualTo(200);
        assertThat(jdbc.sql("SELECT count(*) FROM signing_keys").query(Long.class).single()).isZero();
    }

    @Override
    protected User userNamed(String name, org.compliancerunner.security.Role role) {
        throw new UnsupportedOperationException("the external issuer logs users in");
    }

    private static String sign(RSAKey key, String issuer, String role) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                new JWTClaimsSet.Builder().issuer(issuer).subject("dana").claim("roles", List.of(role))
                        .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(600))).build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpServer serve(RSAKey key) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            byte[] body = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            server.createContext("/certs", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
