package org.compliancerunner.notify;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@value #HEADER} header: {@code t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + body)>}.
 *
 * <p>A receiver verifies a delivery like this:
 * <ol>
 * <li>split the header on {@code ,} into {@code t} and {@code v1};</li>
 * <li>reject it when {@code |now - t|} exceeds its tolerance (5 minutes is usual): a replayed request keeps its
 * old {@code t}, and changing {@code t} breaks the signature;</li>
 * <li>compute HMAC-SHA256 with the shared secret over the bytes {@code t + "." + rawBody} (the body exactly as
 * received, before any JSON parsing) and compare it with {@code v1} in constant time;</li>
 * <li>drop the event when its {@code X-Compliance-Event-Id} was already processed: delivery is at least once, so
 * a dispatcher that crashed after sending sends the same event again.</li>
 * </ol>
 */
public final class WebhookSignature {

    public static final String HEADER = "X-Compliance-Signature";
    public static final String EVENT_ID_HEADER = "X-Compliance-Event-Id";
    public static final String EVENT_TYPE_HEADER = "X-Compliance-Event-Type";

    private WebhookSignature() {
    }

    public static String header(String secret, long unixSeconds, String body) {
        return "t=" + unixSeconds + ",v1=" + hmac(secret, unixSeconds + "." + body);
    }

    /** True when the header signs this body with this secret and its timestamp is within the tolerance of now. */
    public static boolean verify(String secret, String header, String body, Instant now, Duration tolerance) {
        String timestamp = null;
        String signature = null;
        for (String part : header.split(",")) {
            if (part.startsWith("t=")) {
                timestamp = part.substring(2);
            } else if (part.startsWith("v1=")) {
                signature = part.substring(3);
            }
        }
        if (timestamp == null || signature == null) {
            return false;
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(now.getEpochSecond() - seconds) > tolerance.toSeconds()) {
            return false;
        }
        return MessageDigest.isEqual(hmac(secret, seconds + "." + body).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    private static String hmac(String secret, String signed) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }
}
