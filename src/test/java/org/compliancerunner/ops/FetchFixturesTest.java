package org.compliancerunner.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import com.sun.net.httpserver.HttpServer;
import org.compliancerunner.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/fetch-fixtures against a local server that serves a copy of the shared fixtures under the paths of their
 * public sources: every file lands where the tests read it, and a file whose content does not match its manifest is
 * refused and not written.
 */
class FetchFixturesTest {

    @TempDir
    Path into;

    @Test
    void fetchesEveryFixtureAndRefusesACorruptedOne() throws Exception {
        Path shared = Fixtures.ROOT;
        Fixtures.require("text/MANIFEST.tsv");
        Map<String, Path> served = new HashMap<>();
        String npmTarball = null;
        Path onnx = null;
        for (Path manifest : manifests(shared)) {
            String folder = manifest.getParent().getFileName().toString();
            List<String> lines = Files.readAllLines(manifest);
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split("\t", -1);
                Path file = shared.resolve(folder).resolve(f[0]);
                if (f[3].startsWith("npm ")) {
                    String[] words = f[3].split(" ");
                    npmTarball = "/npm/" + words[1] + "/-/" + words[1].substring(words[1].lastIndexOf('/') + 1)
                            + "-" + words[2] + ".tgz";
                    onnx = file;
                } else {
                    served.put("/gh/" + f[3] + "/" + f[5] + "/" + f[4], file);
                }
            }
        }
        byte[] tarball = tgz("package/dist/" + onnx.getFileName(), Files.readAllBytes(onnx));
        String corrupted = "/gh/UniversalDependencies/UD_English-EWT/15d613d8447b3478787d4c278730a1e48a945efb/en_ewt-ud-dev.conllu";
        assertThat(served).containsKey(corrupted);
        AtomicBoolean corrupt = new AtomicBoolean(true);
        String tarballPath = npmTarball;
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String path = URLDecoder.decode(exchange.getRequestURI().getRawPath(), StandardCharsets.UTF_8);
            byte[] body = path.equals(tarballPath) ? tarball
                    : served.containsKey(path) ? Files.readAllBytes(served.get(path)) : null;
            if (body != null && path.equals(corrupted) && corrupt.get()) {
                body = body.clone();
                body[100] ^= 1;
            }
            exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
            if (body != null) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();

            Run first = fetch(base);

            assertThat(first.exit()).as(first.output()).isEqualTo(1);
            assertThat(first.output()).contains("text/en_ewt-ud-dev.conllu refused: sha256");
            assertThat(into.resolve("text/en_ewt-ud-dev.conllu")).as("a refused file is not written").doesNotExist();
            assertThat(into.resolve("models/silero_vad_v6.onnx")).hasSameBinaryContentAs(onnx);
            assertThat(into.resolve("loudness/seq-3341-1-16bit.wav"))
                    .hasSameBinaryContentAs(shared.resolve("loudness/seq-3341-1-16bit.wav"));
            assertThat(into.resolve("video/MANIFEST.tsv")).hasSameTextualContentAs(shared.resolve("video/MANIFEST.tsv"));

            corrupt.set(false);
            Run second = fetch(base);

            assertThat(second.exit()).as(second.output()).isZero();
            assertThat(second.output()).contains("1 fetched, " + (served.size()) + " already in place, 0 refused");
            assertThat(into.resolve("text/en_ewt-ud-dev.conllu"))
                    .hasSameBinaryContentAs(shared.resolve("text/en_ewt-ud-dev.conllu"));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void theProjectsManifestsAreTheSharedOnes() throws IOException {
        Fixtures.require("text/MANIFEST.tsv");
        for (Path manifest : manifests(Fixtures.ROOT)) {
            Path copy = Path.of("scripts/fixtures").resolve(Fixtures.ROOT.relativize(manifest));
            assertThat(copy).as("scripts/fixtures keeps a copy of each manifest").hasSameTextualContentAs(manifest);
        }
    }

    private record Run(int exit, String output) {
    }

    private Run fetch(String base) throws Exception {
        Path log = Files.createTempFile("fetch-fixtures", ".log");
        Process process = new ProcessBuilder("scripts/fetch-fixtures", "--into", into.toString(), "--github-base",
                base + "/gh", "--npm-base", base + "/npm").redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        return new Run(process.exitValue(), Files.readString(log));
    }

    private static List<Path> manifests(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root, 2)) {
            return all.filter(path -> path.getFileName().toString().equals("MANIFEST.tsv")).sorted().toList();
        }
    }

    /** A gzipped tar with one file, as npm packs a package. */
    private static byte[] tgz(String name, byte[] content) throws IOException {
        byte[] header = new byte[512];
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(nameBytes, 0, header, 0, nameBytes.length);
        put(header, 100, "0000644");
        put(header, 108, "0000000");
        put(header, 116, "0000000");
        put(header, 124, String.format("%011o", content.length));
        put(header, 136, "00000000000");
        header[156] = '0';
        put(header, 257, "ustar");
        for (int i = 148; i < 156; i++) {
            header[i] = ' ';
        }
        int sum = 0;
        for (byte b : header) {
            sum += b & 0xff;
        }
        put(header, 148, String.format("%06o", sum));
        header[154] = 0;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(header);
            gzip.write(content);
            gzip.write(new byte[(512 - content.length % 512) % 512 + 1024]);
        }
        return out.toByteArray();
    }

    private static void put(byte[] header, int offset, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(bytes, 0, header, offset, bytes.length);
    }
}
