package org.compliancerunner.account;

import java.time.Instant;
import java.util.Objects;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import org.compliancerunner.config.HomeSecrets;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.NoneNestedConditions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * The issuer for standalone use: tokens for the users in the users table, signed with a key kept in PostgreSQL.
 * Setting spring.security.oauth2.resourceserver.jwt.issuer-uri or jwk-set-uri replaces it with an external issuer.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Conditional(BuiltInIssuer.NoExternalIssuer.class)
class BuiltInIssuer {

    /** Encrypted with the configured secret; else, on the embedded database, with one generated under its home. */
    @Bean
    RSAKey signingKey(JdbcClient jdbc, TokenProperties properties, ObjectProvider<HomeSecrets> homeSecrets) {
        String configured = properties.signingKeySecret();
        HomeSecrets home = homeSecrets.getIfAvailable();
        if (home == null) {
            return SigningKeys.current(jdbc, configured);
        }
        if (configured == null) {
            return SigningKeys.current(jdbc, home.signingKeySecret());
        }
        // a key encrypted with the generated secret before a secret was configured moves over to the configured one
        return SigningKeys.current(jdbc, configured, home.existingSigningKeySecret());
    }

    @Bean
    JwtEncoder jwtEncoder(RSAKey signingKey) {
        return new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(signingKey)));
    }

    /**
     * Verifies the signature, then the claims (issuer, times, {@code exp} and {@code sid} present), and only then asks
     * whether the user and the login are still good, so a forged or expired token costs no query.
     */
    @Bean
    JwtDecoder jwtDecoder(RSAKey signingKey, TokenProperties properties, LoginSessions sessions) throws JOSEException {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(signingKey.toRSAPublicKey())
                .signatureAlgorithm(SignatureAlgorithm.RS256).build();
        OAuth2TokenValidator<Jwt> claims = new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(properties.issuer()),
                // without exp a token would never expire
                new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull),
                new JwtClaimValidator<String>(TokenController.SESSION_CLAIM, Objects::nonNull));
        decoder.setJwtValidator(jwt -> {
            OAuth2TokenValidatorResult result = claims.validate(jwt);
            if (result.hasErrors()) {
                return result;
            }
            String refusal = sessions.refusal(jwt.getSubject(), jwt.getClaimAsString(TokenController.SESSION_CLAIM),
                    jwt.getClaimAsStringList(properties.rolesClaim()));
            return refusal == null ? result
                    : OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, refusal, null));
        });
        return decoder;
    }

    static class NoExternalIssuer extends NoneNestedConditions {

        NoExternalIssuer() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        @ConditionalOnProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri")
        static class IssuerUri {
        }

        @ConditionalOnProperty("spring.security.oauth2.resourceserver.jwt.jwk-set-uri")
        static class JwkSetUri {
        }

        @ConditionalOnProperty("spring.security.oauth2.resourceserver.jwt.public-key-location")
        static class PublicKeyLocation {
        }
    }
}
