package org.compliancerunner.speech;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posts a WAV file to an OpenAI-compatible {@code /v1/audio/transcriptions} endpoint and reads the timed segments.
 * Retries IO errors, 429 and 5xx with exponential backoff (or the server's Retry-After); other 4xx fail at once.
 */
final class OpenAiTranscriptionClient {

    static final String SOURCE = "openai";

    private static final Duration MAX_WAIT = Duration.ofSeconds(60);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SpeechProperties.OpenAi settings;
    private final HttpClient http;
    private final URI endpoint;
    private final Duration firstBackoff;

    OpenAiTranscriptionClient(SpeechProperties.OpenAi settings, Duration firstBackoff) {
        this.settings = settings;
        this.firstBackoff = firstBackoff;
        this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        String base = settings.baseUrl().toString().replaceAll("/+$", "");
        this.endpoint = URI.create(base + "/v1/audio/transcriptions");
    }

    URI endpoint() {
        return endpoint;
    }

    List<TranscriptSegment> transcribe(Path wav, long durationMs) throws TranscriptionException {
        String failure = null;
        int attempts = settings.retries() + 1;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            Duration wait = backoff(attempt);
            try {
                HttpResponse<String> response = http.send(request(wav), HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status / 100 == 2) {
                    return segments(response.body(), durationMs);
                }
                failure = "HTTP " + status + ": " + trimmed(response.body());
                if (status != 429 && status < 500) {
                    throw new TranscriptionException("Transcription request to " + endpoint + " was refused with "
                            + failure + (status == 401 || status == 403
                            ? " (check compliance.speech.openai.api-key)" : ""));
                }
                OptionalLong retryAfter = response.headers().firstValueAsLong("Retry-After");
                if (retryAfter.isPresent()) {
                    wait = Duration.ofSeconds(Math.max(0, retryAfter.getAsLong()));
                }
            } catch (IOException e) {
                failure = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TranscriptionException("Interrupted while waiting for " + endpoint, e);
            }
            if (attempt < attempts) {
                sleep(wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait);
            }
        }
        throw new TranscriptionException("Transcription request to " + endpoint + " failed after " + attempts
                + " attempts; last: " + failure);
    }

    private Duration backoff(int attempt) {
        return firstBackoff.multipliedBy(1L << Math.min(attempt - 1, 10));
    }

    private HttpRequest request(Path wav) throws IOException {
        String boundary = "compliance-" + UUID.randomUUID();
        String fields = field(boundary, "model", settings.model())
                + field(boundary, "response_format", "verbose_json")
                + field(boundary, "timestamp_granularities[]", "segment")
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"audio.wav\"\r\n"
                + "Content-Type: audio/wav\r\n\r\n";
        // The audio is streamed from disk between the text parts, never loaded whole.
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.concat(
                HttpRequest.BodyPublishers.ofString(fields, StandardCharsets.UTF_8),
                HttpRequest.BodyPublishers.ofFile(wav),
                HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "--\r\n", StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(settings.requestTimeout())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Accept", "application/json")
                .POST(body);
        if (settings.hasApiKey()) {
            request.header("Authorization", "Bearer " + settings.apiKey());
        }
        return request.build();
    }

    private static String field(String boundary, String name, String value) {
        return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
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

    private static String trimmed(String body) {
        String oneLine = body == null ? "" : body.strip().replaceAll("\\s+", " ");
        return oneLine.length() > 300 ? oneLine.substring(0, 300) + "..." : oneLine;
    }

    private static void sleep(Duration wait) throws TranscriptionException {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TranscriptionException("Interrupted while waiting to retry a transcription request", e);
        }
    }
}
