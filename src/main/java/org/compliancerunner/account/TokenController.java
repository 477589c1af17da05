package org.compliancerunner.account;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.compliancerunner.web.Problems;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The built-in issuer's endpoints: log in, refresh, and the public key for anyone verifying its tokens. */
@RestController
@RequestMapping("/api/auth")
@Tag(name = "auth", description = "Tokens from the built-in issuer")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Conditional(BuiltInIssuer.NoExternalIssuer.class)
class TokenController {

    /** The claim naming the login (refresh-token family) an access token belongs to. */
    static final String SESSION_CLAIM = "sid";

    private final Accounts accounts;
    private final RefreshTokens refreshTokens;
    private final JwtEncoder encoder;
    private final RSAKey signingKey;
    private final TokenProperties properties;
    private final LoginFailures failures;

    TokenController(Accounts accounts, RefreshTokens refreshTokens, JwtEncoder encoder, RSAKey signingKey,
                    TokenProperties properties, LoginFailures failures) {
        this.accounts = accounts;
        this.failures = failures;
        this.refreshTokens = refreshTokens;
        this.encoder = encoder;
        this.signingKey = signingKey;
        this.properties = properties;
    }

    record Login(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 1024) String password) {
    }

    record Refresh(@NotBlank @JsonProperty("refresh_token") String refreshToken) {
    }

    record Tokens(@JsonProperty("access_token") String accessToken,
                  @JsonProperty("token_type") String tokenType,
                  @JsonProperty("expires_in") long expiresIn,
                  @JsonProperty("refresh_token") String refreshToken,
                  @JsonProperty("refresh_expires_in") long refreshExpiresIn) {
    }

    @Operation(summary = "Exchange a username and password for an access token (24 h) and a refresh token (7 days)")
    @PostMapping("/token")
    Tokens token(@Valid @RequestBody Login login) {
        Duration locked = failures.lockedFor(login.username());
        if (!locked.isZero()) {
            // the password is not even checked: a lock must not let guesses through that merely get a different answer
            throw locked(locked);
        }
        Account account = accounts.authenticate(login.username(), login.password()).orElse(null);
        if (account == null) {
            failures.failed(login.username());
            throw unauthorized("wrong username or password");
        }
        failures.succeeded(account.username());
        RefreshTokens.Issued refresh = refreshTokens.issue(account.username());
        return tokens(account, refresh.login(), refresh.token());
    }

    @Operation(summary = "Exchange a refresh token for new tokens; each refresh token works once")
    @PostMapping("/refresh")
    Tokens refresh(@Valid @RequestBody Refresh refresh) {
        RefreshTokens.Rotation rotation = refreshTokens.rotate(refresh.refreshToken());
        if (rotation.refusal() != null) {
            throw unauthorized(rotation.refusal());
        }
        Account account = accounts.find(rotation.username())
                .orElseThrow(() -> unauthorized("the user no longer exists or is disabled"));
        return tokens(account, rotation.login(), rotation.token());
    }

    @Operation(summary = "The public key that verifies this issuer's tokens, as a JWK set")
    @GetMapping("/jwks")
    Map<String, Object> jwks() {
        return new JWKSet(signingKey.toPublicJWK()).toJSONObject();
    }

    private Tokens tokens(Account account, UUID login, String refreshToken) {
        Instant now = Instant.now();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(properties.issuer())
                .subject(account.username())
                .issuedAt(now)
                .expiresAt(now.plus(properties.accessTokenTtl()))
                .id(UUID.randomUUID().toString())
                // the login this token belongs to: revoking it (a reused refresh token) ends this token too
                .claim(SESSION_CLAIM, login.toString())
                .claim(properties.rolesClaim(), List.of(account.role().name()))
                .build();
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(signingKey.getKeyID()).build();
        String accessToken = encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
        return new Tokens(accessToken, "Bearer", properties.accessTokenTtl().toSeconds(), refreshToken,
                properties.refreshTokenTtl().toSeconds());
    }

    private static ErrorResponseException locked(Duration remaining) {
        long seconds = Math.max(1, (remaining.toMillis() + 999) / 1000);
        ErrorResponseException error = Problems.of(HttpStatus.TOO_MANY_REQUESTS, "login-locked", "too many failed "
                + "logins for this user name; retry after " + seconds + " s");
        error.getHeaders().set("Retry-After", Long.toString(seconds));
        return error;
    }

    private static ErrorResponseException unauthorized(String why) {
        return Problems.of(HttpStatus.UNAUTHORIZED, "unauthorized", why);
    }
}
