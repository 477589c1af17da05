import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Fetches the test fixtures listed in scripts/fixtures/<folder>/MANIFEST.tsv from their public sources at the pinned
 * commit or version, checks each file's size and sha256, and lays them out as ../shared/fixtures/<folder>/<file>. A
 * file that does not match is refused and not written. Run it as scripts/fetch-fixtures; needs only a JDK 17.
 */
public class FetchFixtures {

    private static final String USAGE = """
            Usage: scripts/fetch-fixtures [--into DIR] [--github-base URL] [--npm-base URL]
              --into DIR         where the fixtures go (default: ../shared/fixtures beside the project)
              --github-base URL  where GitHub repositories' files are read: URL/OWNER/REPO/COMMIT/PATH
                                 (default: https://raw.githubusercontent.com)
              --npm-base URL     the npm registry for files that come from an npm package (default: https://registry.npmjs.org)
            Exit 0 when every fixture is in place and matches its manifest, 1 when any could not be fetched or did
            not match (those are named), 2 on a usage error.""";

    record Row(String folder, String file, long size, String sha256, String repo, String path, String commit) {
    }

    public static void main(String[] args) throws Exception {
        Path project = Path.of(System.getProperty("fixtures.project", ".")).toAbsolutePath().normalize();
        Map<String, String> options = new LinkedHashMap<>(Map.of("--into", project.resolve("../shared/fixtures").toString(),
                "--github-base", "https://raw.githubusercontent.com", "--npm-base", "https://registry.npmjs.org"));
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--help") || args[i].equals("-h")) {
                System.out.println(USAGE);
                return;
            }
            if (!options.containsKey(args[i]) || i + 1 == args.length) {
                System.err.println("error: unknown option or missing value: " + args[i] + "\n" + USAGE);
                System.exit(2);
            }
            options.put(args[i], args[++i]);
        }
        Path into = Path.of(options.get("--into")).toAbsolutePath().normalize();
        List<Row> rows = manifests(project.resolve("scripts/fixtures"));
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(30)).build();
        Map<String, byte[]> packages = new LinkedHashMap<>();
        List<String> failed = new ArrayList<>();
        int fetched = 0;
        for (Row row : rows) {
            Path target = into.resolve(row.folder()).resolve(row.file());
            if (Files.isRegularFile(target) && matches(row, Files.readAllBytes(target)) == null) {
                continue;
            }
            try {
                byte[] content = row.repo().startsWith("npm ")
                        ? fromPackage(http, options.get("--npm-base"), row, packages)
                        : get(http, githubUri(options.get("--github-base"), row));
                String mismatch = matches(row, content);
                if (mismatch != null) {
                    throw new IOException(mismatch);
                }
                Files.createDirectories(target.getParent());
                Path part = Files.createTempFile(target.getParent(), row.file(), ".part");
                Files.write(part, content);
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                fetched++;
                System.out.printf("fetched %s/%s (%d bytes)%n", row.folder(), row.file(), content.length);
            } catch (IOException | InterruptedException e) {
                failed.add(row.folder() + "/" + row.file());
                System.err.printf("error: %s/%s refused: %s%n", row.folder(), row.file(),
                        e.getMessage() == null ? e.toString() : e.getMessage());
            }
        }
        for (Path manifest : listManifests(project.resolve("scripts/fixtures"))) {
            Path copy = into.resolve(project.resolve("scripts/fixtures").relativize(manifest));
            Files.createDirectories(copy.getParent());
            Files.copy(manifest, copy, StandardCopyOption.REPLACE_EXISTING);
        }
        System.out.printf("%d fixture(s) in %s: %d fetched, %d already in place, %d refused%n", rows.size(), into,
                fetched, rows.size() - fetched - failed.size(), failed.size());
        if (!failed.isEmpty()) {
            System.err.println("error: not fetched: " + String.join(", ", failed));
            System.exit(1);
        }
    }

    static List<Row> manifests(Path directory) throws IOException {
        List<Row> rows = new ArrayList<>();
        for (Path manifest : listManifests(directory)) {
            String folder = directory.relativize(manifest.getParent()).toString();
            List<String> lines = Files.readAllLines(manifest, StandardCharsets.UTF_8);
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                rows.add(new Row(folder, f[0], Long.parseLong(f[1]), f[2], f[3], f[4], f[5]));
            }
        }
        return rows;
    }

    private static List<Path> listManifests(Path directory) throws IOException {
        try (Stream<Path> all = Files.walk(directory)) {
            return all.filter(path -> path.getFileName().toString().equals("MANIFEST.tsv")).sorted().toList();
        }
    }

    /** Why the content is not the file the manifest names, or null when it is. */
    static String matches(Row row, byte[] content) {
        if (content.length != row.size()) {
            return content.length + " bytes where the manifest says " + row.size();
        }
        String sha256 = sha256(content);
        return sha256.equals(row.sha256()) ? null : "sha256 " + sha256 + " where the manifest says " + row.sha256();
    }

    private static URI githubUri(String base, Row row) {
        StringBuilder path = new StringBuilder();
        for (String segment : row.path().split("/")) {
            path.append('/').append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return URI.create(base.replaceAll("/+$", "") + "/" + row.repo() + "/" + row.commit() + path);
    }

    // "npm @scope/name VERSION (...)": the file is package/<path> inside the package's tarball
    private static byte[] fromPackage(HttpClient http, String base, Row row, Map<String, byte[]> packages)
            throws IOException, InterruptedException {
        String[] words = row.repo().split(" ");
        String name = words[1];
        String version = words[2];
        String tarball = base.replaceAll("/+$", "") + "/" + name + "/-/" + name.substring(name.lastIndexOf('/') + 1)
                + "-" + version + ".tgz";
        byte[] archive = packages.containsKey(tarball) ? packages.get(tarball) : get(http, URI.create(tarball));
        packages.put(tarball, archive);
        byte[] file = tarEntry(archive, "package/" + row.path());
        if (file == null) {
            throw new IOException(tarball + " has no package/" + row.path());
        }
        return file;
    }

    /** One file of a gzipped tar archive (ustar headers, as npm packs them). */
    static byte[] tarEntry(byte[] gzipped, String wanted) throws IOException {
        byte[] tar;
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(gzipped))) {
            tar = in.readAllBytes();
        }
        int at = 0;
        while (at + 512 <= tar.length && tar[at] != 0) {
            String name = field(tar, at, 100);
            String prefix = field(tar, at + 345, 155);
            long size = Long.parseLong(field(tar, at + 124, 12).trim(), 8);
            String full = prefix.isEmpty() ? name : prefix + "/" + name;
            if (full.equals(wanted)) {
                return java.util.Arrays.copyOfRange(tar, at + 512, at + 512 + (int) size);
            }
            at += 512 + (int) ((size + 511) / 512 * 512);
        }
        return null;
    }

    private static String field(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static byte[] get(HttpClient http, URI uri) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(5)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException(uri + " answered HTTP " + response.statusCode());
        }
        return response.body();
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
