package org.compliancerunner.speech;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posts a WAV file to an OpenAI-compatible {@code /v1/audio/transcriptions} endpoint and reads the timed segments.
 * Retries IO errors, 429 and 5xx with exponential backoff (or the server's Retry-After); other 4xx fail at once.
 * The client runs on Apache HttpClient 5, as webhooks and downloads do. It follows redirects; an interrupted
 * inspection (timed out or stopped) ends the upload at the next read from the WAV file, but a server already
 * working on the audio is waited for until it answers or the request timeout passes.
 */
final class OpenAiTranscriptionClient {

    static final String SOURCE = "openai";

    private static final Duration MAX_WAIT = Duration.ofSeconds(60);
    private static final MediaType WAV = MediaType.parseMediaType("audio/wav");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** An answer worth asking again for: the server was unreachable, busy (429) or failing (5xx). */
    private static final class Unavailable extends Exception {

        Unavailable(String failure) {
            super(failure, null, false, false);
        }
    }

    private final SpeechProperties.OpenAi settings;
    private final RestClient http;
    private final URI endpoint;
    private final Duration firstBackoff;

    OpenAiTranscriptionClient(SpeechProperties.OpenAi settings, Duration firstBackoff) {
        this.settings = settings;
        this.firstBackoff = firstBackoff;
        HttpComponentsClientHttpRequestFactory requests = new HttpComponentsClientHttpRequestFactory(HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                                .build())
                        .build())
                .disableAutomaticRetries() // the retry template decides, with its backoff
                .disableCookieManagement()
                .build());
        requests.setReadTimeout(settings.requestTimeout());
        this.http = RestClient.builder().requestFactory(requests).build();
        String base = settings.baseUrl().toString().replaceAll("/+$", "");
        this.endpoint = URI.create(base + "/v1/audio/transcriptions");
    }

    URI endpoint() {
        return endpoint;
    }

    List<TranscriptSegment> transcribe(Path wav, long durationMs) throws TranscriptionException {
        AtomicInteger attempts = new AtomicInteger();
        AtomicReference<@Nullable Duration> askedWait = new AtomicReference<>();
        RetryTemplate retry = new RetryTemplate(RetryPolicy.builder()
                .backOff(backOff(askedWait))
                .predicate(failure -> failure instanceof Unavailable)
                .build());
        try {
            return segments(retry.execute(() -> {
                attempts.incrementAndGet();
                return post(wav, askedWait);
            }), durationMs);
        } catch (RetryException e) {
            if (e.getLastException() instanceof TranscriptionException refused) {
                throw refused;
            }
            if (Thread.currentThread().isInterrupted()) {
                throw new TranscriptionException("Interrupted while waiting for " + endpoint, e);
            }
            throw new TranscriptionException("Transcription request to " + endpoint + " failed after " + attempts.get()
                    + " attempts; last: " + e.getLastException().getMessage());
        }
    }

    /** Exponential from the first wait, at most a minute; a Retry-After the server sent counts instead. */
    private BackOff backOff(AtomicReference<@Nullable Duration> askedWait) {
        ExponentialBackOff exponential = new ExponentialBackOff(firstBackoff.toMillis(), 2);
        exponential.setMaxInterval(MAX_WAIT.toMillis());
        exponential.setMaxAttempts(settings.retries());
        return () -> {
            BackOffExecution execution = exponential.start();
            return () -> {
                long next = execution.nextBackOff();
                Duration asked = askedWait.getAndSet(null);
                return next == BackOffExecution.STOP || asked == null ? next : Math.min(asked.toMillis(), MAX_WAIT.toMillis());
            };
        };
    }

    /** One upload; the audio is streamed from disk, never loaded whole. */
    private String post(Path wav, AtomicReference<@Nullable Duration> askedWait) throws TranscriptionException, Unavailable {
        MultipartBodyBuilder form = new MultipartBodyBuilder();
        form.part("model", settings.model());
        form.part("response_format", "verbose_json");
        form.part("timestamp_granularities[]", "segment");
        form.part("file", new FileSystemResource(wav)).filename("audio.wav").contentType(WAV);
        RestClient.RequestBodySpec request = http.post().uri(endpoint)
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .accept(MediaType.APPLICATION_JSON)
                .body(form.build());
        if (settings.hasApiKey()) {
            request.header(HttpHeaders.AUTHORIZATION, "Bearer " + settings.apiKey());
        }
        Answer answer;
        try {
            answer = request.exchange((sent, response) -> new Answer(response.getStatusCode().value(),
                    new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8),
                    response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)));
        } catch (ResourceAccessException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new TranscriptionException("Interrupted while waiting for " + endpoint, e);
            }
            throw new Unavailable(String.valueOf(e.getCause() instanceof IOException io ? io : e));
        }
        if (answer.status() / 100 == 2) {
            return answer.body();
        }
        String failure = "HTTP " + answer.status() + ": " + trimmed(answer.body());
        if (answer.status() != 429 && answer.status() < 500) {
            throw new TranscriptionException("Transcription request to " + endpoint + " was refused with " + failure
                    + (answer.status() == 401 || answer.status() == 403 ? " (check compliance.speech.openai.api-key)" : ""));
        }
        askedWait.set(answer.retryAfter());
        throw new Unavailable(failure);
    }

    /** A server's answer; {@code retryAfter} is its Retry-After in seconds, or null. */
    private record Answer(int status, String body, @Nullable Duration retryAfter) {

        Answer(int status, String body, @Nullable String retryAfter) {
            this(status, body, seconds(retryAfter));
        }

        private static @Nullable Duration seconds(@Nullable String header) {
            try {
                return header == null ? null : Duration.ofSeconds(Math.max(0, Long.parseLong(header.strip())));
            } catch (NumberFormatException e) {
                return null; // an HTTP date: the exponential wait serves
            }
        }
    }

    private List<TranscriptSegment> segments(String body, long durationMs) throws TranscriptionException {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            throw new TranscriptionException(endpoint + " answered with something that is not JSON: "
                    + trimmed(body), e);
        }
        List<TranscriptSegment> segments = new ArrayList<>();
        for (JsonNode segment : root.path("segments")) {
            String text = segment.path("text").asString("").strip();
            if (!text.isEmpty()) {
                segments.add(new TranscriptSegment(millis(segment.path("start")), millis(segment.path("end")),
                        text, SOURCE));
            }
        }
        String text = root.path("text").asString("").strip();
        if (segments.isEmpty() && !text.isEmpty()) {
            // Servers that ignore verbose_json still give the words; they then cover the whole audio.
            segments.add(new TranscriptSegment(0, durationMs, text, SOURCE));
        }
        return segments;
    }

    private static long millis(JsonNode seconds) {
        return Math.round(seconds.asDouble(0) * 1000);
    }

    private static String trimmed(@Nullable String body) {
        String oneLine = body == null ? "" : body.strip().replaceAll("\\s+", " ");
        return oneLine.length() > 300 ? oneLine.substring(0, 300) + "..." : oneLine;
    }
}
