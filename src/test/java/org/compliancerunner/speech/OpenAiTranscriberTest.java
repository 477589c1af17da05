package org.compliancerunner.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import org.compliancerunner.media.Interval;
import org.compliancerunner.media.MediaInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OpenAiTranscriberTest {

    private static final MediaInfo INFO = new MediaInfo("mov", 2000, null, "aac 48000 Hz 2 ch", 0);
    private static final String VERBOSE = """
            {"task":"transcribe","language":"english","duration":2.0,"text":"Hello there. General.",
             "segments":[{"id":0,"start":0.0,"end":1.24,"text":" Hello there."},
                         {"id":1,"start":1.24,"end":1.9999,"text":" General."}]}""";

    record Received(String path, Headers headers, byte[] body) {
    }

    record Reply(int status, String body, String retryAfter) {
    }

    private HttpServer server;
    private final List<Received> received = new ArrayList<>();
    private final Deque<Reply> replies = new ConcurrentLinkedDeque<>();

    @BeforeEach
    void startServer() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            synchronized (received) {
                received.add(new Received(exchange.getRequestURI().getPath(), exchange.getRequestHeaders(),
                        exchange.getRequestBody().readAllBytes()));
            }
            Reply reply = replies.isEmpty() ? new Reply(500, "no reply scripted", null) : replies.poll();
            if (reply.retryAfter() != null) {
                exchange.getResponseHeaders().add("Retry-After", reply.retryAfter());
            }
            byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(reply.status(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void uploadsTheAudioAsMultipartWithTheKeyAndConvertsSecondsToMilliseconds() throws Exception {
        replies.add(new Reply(200, VERBOSE, null));

        Transcript transcript = transcribe(transcriber("secret-key", 3), 32_000);

        assertThat(received).hasSize(1);
        Received request = received.get(0);
        assertThat(request.path()).isEqualTo("/v1/audio/transcriptions");
        assertThat(request.headers().getFirst("Authorization")).isEqualTo("Bearer secret-key");
        assertThat(request.headers().getFirst("Content-Type")).matches("multipart/form-data; ?boundary=.+");
        String body = new String(request.body(), StandardCharsets.ISO_8859_1);
        assertThat(field(body, "model")).isEqualTo("whisper-1");
        assertThat(field(body, "response_format")).isEqualTo("verbose_json");
        assertThat(field(body, "timestamp_granularities[]")).isEqualTo("segment");
        assertThat(body).contains("name=\"file\"; filename=\"audio.wav\"");
        byte[] wav = wavPart(request);
        assertThat(wav).hasSize(44 + 32_000 * 2);
        ByteBuffer header = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(header.getInt(24)).as("sample rate").isEqualTo(16_000);
        assertThat(header.getInt(40)).as("data size patched at finish").isEqualTo(64_000);
        assertThat(header.getShort(44 + 2 * 100)).as("a full-scale sample").isEqualTo((short) 32767);

        assertThat(transcript.source()).isEqualTo("openai");
        assertThat(transcript.segments()).containsExactly(
                new TranscriptSegment(0, 1240, "Hello there.", "openai"),
                new TranscriptSegment(1240, 2000, "General.", "openai"));
    }

    @Test
    void onlySpeechIsSentAndTextOutsideSpeechIsDroppedAndCounted() throws Exception {
        // 4 s of audio; people speak in the first second only, then music the recogniser still "hears" words in
        replies.add(new Reply(200, """
                {"text":"Hello there. Thank you for watching.",
                 "segments":[{"id":0,"start":0.1,"end":0.9,"text":" Hello there."},
                             {"id":1,"start":2.5,"end":3.6,"text":" Thank you for watching."}]}""", null));
        OpenAiTranscriber openai = transcriber(null, 0);
        Transcript transcript;
        try (TranscriptionSession session = openai.open(Path.of("clip.mp4"), INFO)) {
            float[] audio = new float[64_000];
            Arrays.fill(audio, 0.25f);
            session.onSpeechAudio(audio, audio.length);
            session.gate(SpeechGate.of(List.of(new Interval(0, 1000))));
            transcript = session.finish();
        }

        ByteBuffer wav = ByteBuffer.wrap(wavPart(received.get(0))).order(ByteOrder.LITTLE_ENDIAN);
        long padded = (1000 + SpeechGate.PADDING_MS) * 16;
        assertThat(wav.getShort(44 + 2 * (int) (padded - 1))).as("speech is sent").isNotZero();
        for (long sample = padded; sample < 64_000; sample += 97) {
            assertThat(wav.getShort(44 + 2 * (int) sample)).as("sample %d, outside speech", sample).isZero();
        }
        assertThat(transcript.segments()).extracting(TranscriptSegment::text).containsExactly("Hello there.");
        assertThat(transcript.note()).endsWith("1 segment(s) outside speech dropped");
    }

    @Test
    void noKeyMeansNoAuthorizationHeader() throws Exception {
        replies.add(new Reply(200, VERBOSE, null));

        transcribe(transcriber(null, 0), 16_000);

        assertThat(received.get(0).headers().containsKey("Authorization")).isFalse();
    }

    @Test
    void aServiceUnavailableIsRetriedAndThenSucceeds() throws Exception {
        replies.add(new Reply(503, "{\"error\":\"warming up\"}", "0"));
        replies.add(new Reply(200, VERBOSE, null));

        Transcript transcript = transcribe(transcriber(null, 3), 16_000);

        assertThat(received).hasSize(2);
        assertThat(wavPart(received.get(1))).hasSize(44 + 16_000 * 2).isEqualTo(wavPart(received.get(0)));
        assertThat(transcript.segments()).hasSize(2);
    }

    @Test
    void unauthorizedFailsAtOnceNamingTheStatusAndUrl() {
        replies.add(new Reply(401, "{\"error\":{\"message\":\"Incorrect API key provided\"}}", null));
        replies.add(new Reply(200, VERBOSE, null));

        assertThatThrownBy(() -> transcribe(transcriber("wrong", 3), 16_000))
                .isInstanceOf(TranscriptionException.class)
                .hasMessageContaining("HTTP 401")
                .hasMessageContaining("Incorrect API key provided")
                .hasMessageContaining(server.getAddress().getPort() + "/v1/audio/transcriptions");
        assertThat(received).hasSize(1);
    }

    @Test
    void givesUpAfterTheConfiguredRetries() {
        for (int i = 0; i < 3; i++) {
            replies.add(new Reply(502, "bad gateway", null));
        }

        assertThatThrownBy(() -> transcribe(transcriber(null, 2), 16_000))
                .hasMessageContaining("after 3 attempts")
                .hasMessageContaining("HTTP 502: bad gateway");
        assertThat(received).hasSize(3);
    }

    @Test
    void plainTextAnswerBecomesOneSegmentOverTheWholeAudio() throws Exception {
        replies.add(new Reply(200, "{\"text\":\" Just words. \"}", null));

        Transcript transcript = transcribe(transcriber(null, 0), 24_000);

        assertThat(transcript.segments()).containsExactly(new TranscriptSegment(0, 1500, "Just words.", "openai"));
    }

    @Test
    void theTemporaryAudioIsDeletedOnClose() throws Exception {
        replies.add(new Reply(200, VERBOSE, null));
        OpenAiTranscriber openai = transcriber(null, 0);
        List<Path> before = spooled();

        try (TranscriptionSession session = openai.open(Path.of("clip.mp4"), INFO)) {
            session.onSpeechAudio(new float[1600], 1600);
            assertThat(spooled()).hasSize(before.size() + 1);
            session.finish();
        }

        assertThat(spooled()).containsExactlyInAnyOrderElementsOf(before);
    }

    private OpenAiTranscriber transcriber(String key, int retries) {
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
        return new OpenAiTranscriber(new SpeechProperties.OpenAi(base, key, "whisper-1", Duration.ofSeconds(5),
                Duration.ofSeconds(20), retries), Duration.ofMillis(10));
    }

    /** Feeds a ramp whose sample 100 is above full scale, in uneven chunks, as the decode pass would. */
    private static Transcript transcribe(OpenAiTranscriber openai, int samples) throws Exception {
        try (TranscriptionSession session = openai.open(Path.of("clip.mp4"), INFO)) {
            assertThat(session.wantsSpeechAudio()).isTrue();
            float[] chunk = new float[3000];
            for (int fed = 0; fed < samples; fed += chunk.length) {
                int n = Math.min(chunk.length, samples - fed);
                for (int i = 0; i < n; i++) {
                    chunk[i] = fed + i == 100 ? 1.5f : 0.25f;
                }
                session.onSpeechAudio(chunk, n);
            }
            return session.finish();
        }
    }

    /** The value of a text field of a multipart body, whatever part headers come before it. */
    private static String field(String body, String name) {
        Matcher field = Pattern.compile("name=\"" + Pattern.quote(name) + "\"\r\n(?:[^\r\n]+\r\n)*\r\n([^\r\n]*)\r\n")
                .matcher(body);
        assertThat(field.find()).as("field %s in %s", name, body).isTrue();
        return field.group(1);
    }

    private static byte[] wavPart(Received request) {
        byte[] body = request.body();
        String latin1 = new String(body, StandardCharsets.ISO_8859_1);
        int start = latin1.indexOf("RIFF");
        int end = latin1.lastIndexOf("\r\n--");
        byte[] part = new byte[end - start];
        System.arraycopy(body, start, part, 0, part.length);
        return part;
    }

    private static List<Path> spooled() throws Exception {
        try (var files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(p -> p.getFileName().toString().startsWith("compliance-speech-")).toList();
        }
    }
}
