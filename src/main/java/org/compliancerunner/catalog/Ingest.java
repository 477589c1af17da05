package org.compliancerunner.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.compliancerunner.billing.MinutesLedger;
import org.compliancerunner.billing.QuotaExceededException;
import org.compliancerunner.config.ComplianceProperties;
import org.compliancerunner.media.Container;
import org.compliancerunner.media.MediaException;
import org.compliancerunner.media.MediaInfo;
import org.compliancerunner.media.MediaProbe;
import org.compliancerunner.web.DisplayText;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Registers videos as PENDING: files and directories under the media roots (each entry's real path checked, so a link
 * cannot lead out of them), uploads, and http(s) URIs downloaded into $COMPLIANCE_HOME/downloads. Content that FFmpeg
 * does not recognise as media registers nothing; media that turns out unreadable is registered so that the sweep fails
 * it with its reason where operators see it.
 */
@Service
public class Ingest {

    // caption sidecars travel with their video and are not videos themselves
    private static final Set<String> SIDECARS = Set.of("srt", "vtt", "ass", "ssa", "sub");

    private final JdbcClient jdbc;
    private final MediaRoots roots;
    private final MediaProbe probe;
    private final Projects projects;
    private final Downloads downloads;
    private final MinutesLedger ledger;
    private final TransactionTemplate transaction;
    private final String owner;

    public Ingest(JdbcClient jdbc, MediaRoots roots, MediaProbe probe, Projects projects, Downloads downloads,
                  MinutesLedger ledger, @Qualifier("transactionManager") PlatformTransactionManager transactions,
                  ComplianceProperties properties) {
        this.jdbc = jdbc;
        this.roots = roots;
        this.probe = probe;
        this.projects = projects;
        this.downloads = downloads;
        this.ledger = ledger;
        this.transaction = new TransactionTemplate(transactions);
        this.owner = properties.owner();
    }

    /** Registers every input; one result per video found, in order. A title applies when one video is found. */
    public List<IngestResult> ingest(List<String> inputs, @Nullable String project, @Nullable String title) {
        String projectName = project == null || project.isBlank() ? Projects.DEFAULT : project;
        List<Candidate> candidates = new ArrayList<>();
        List<IngestResult> results = new ArrayList<>();
        for (String input : inputs) {
            try {
                candidates.addAll(expand(input, false, results));
            } catch (IngestRefusedException e) {
                results.add(IngestResult.refused(input, e.getMessage()));
            }
        }
        if (candidates.isEmpty()) {
            return results;
        }
        long projectId = projects.idFor(projectName, owner);
        for (Candidate candidate : candidates) {
            String videoTitle = title != null && candidates.size() == 1 ? title : candidate.defaultTitle();
            try {
                results.add(register(projectId, candidate, videoTitle, owner));
            } catch (QuotaExceededException e) {
                results.add(IngestResult.refused(candidate.input(), candidate.input() + ": " + e.getMessage()));
            }
        }
        return results;
    }

    /**
     * Registers one input on behalf of a remote caller into {@code videoOwner}'s project of that name (created when
     * new; names are per owner): http(s) URIs must not lead to loopback, link-local or private addresses (unless
     * allowed by compliance.media.allow-private-addresses); a path, which only administrators may give, never reaches
     * a file another owner's video already uses. A quota refusal is thrown rather than reported, so the caller can
     * answer with its figures.
     *
     * @throws IngestRefusedException naming the input and why, when nothing could be registered from it
     * @throws QuotaExceededException  when the owner's minutes quota has no room; nothing was registered
     */
    public List<IngestResult> ingestFor(String videoOwner, String input, @Nullable String project,
                                        @Nullable String title)
            throws IngestRefusedException {
        String projectName = project == null || project.isBlank() ? Projects.DEFAULT : project;
        List<IngestResult> results = new ArrayList<>();
        List<Candidate> candidates = new ArrayList<>();
        for (Candidate candidate : expand(input, true, results)) {
            if (candidate.local() && usedByAnotherOwner(candidate.file(), videoOwner)) {
                IngestRefusedException refusal = MediaRoots.notAllowed(candidate.input());
                results.add(candidate.named() ? IngestResult.refused(candidate.input(), refusal.getMessage())
                        : IngestResult.skipped(candidate.input(), refusal.getMessage()));
            } else {
                candidates.add(candidate);
            }
        }
        if (candidates.isEmpty()) {
            return results;
        }
        long projectId = projects.idFor(projectName, videoOwner);
        for (Candidate candidate : candidates) {
            String videoTitle = title != null && candidates.size() == 1 ? title : candidate.defaultTitle();
            results.add(register(projectId, candidate, videoTitle, videoOwner));
        }
        return results;
    }

    /**
     * Registers a file the API stored from an upload, outside the media roots, under the name the client gave it,
     * which is what the video's source and the result say: the server's path is nobody's business.
     *
     * @throws QuotaExceededException when the owner's minutes quota has no room; nothing was registered
     */
    public IngestResult ingestUpload(String videoOwner, Path stored, @Nullable String clientName,
                                     @Nullable String project, @Nullable String title) {
        String projectName = project == null || project.isBlank() ? Projects.DEFAULT : project;
        long projectId = projects.idFor(projectName, videoOwner);
        String shownAs = clientName == null || clientName.isBlank() ? "upload" : clientName;
        String videoTitle = title != null ? title : titleOf(stored);
        return register(projectId, new Candidate(shownAs, stored, videoTitle, true, false), videoTitle, videoOwner);
    }

    /** Candidates from one input; directory entries that are not allowed are reported to {@code skipped}. */
    private List<Candidate> expand(String input, boolean remoteCaller, List<IngestResult> skipped)
            throws IngestRefusedException {
        String lower = input.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            URI uri;
            try {
                uri = URI.create(input);
            } catch (IllegalArgumentException e) {
                throw new IngestRefusedException(input + ": not a valid URI (" + e.getMessage() + ")");
            }
            Path fetched = remoteCaller ? downloads.fetchPublic(uri) : downloads.fetch(uri);
            return List.of(new Candidate(input, typed(fetched, input), titleOf(uri), true, false));
        }
        if (lower.matches("^[a-z][a-z0-9+.-]*://.*")) {
            throw new IngestRefusedException(input + ": only files, directories and http(s) URIs can be ingested");
        }
        Path path = roots.require(input);
        if (!Files.isDirectory(path)) {
            return List.of(new Candidate(path.toString(), path, titleOf(path), true, true));
        }
        List<Path> entries;
        try (Stream<Path> files = Files.walk(path)) {
            // links too: each is resolved below, and one that leads out of the roots is reported, not followed
            entries = files.filter(file -> Files.isRegularFile(file) || Files.isSymbolicLink(file))
                    .filter(file -> !file.getFileName().toString().startsWith("."))
                    .filter(file -> !SIDECARS.contains(extension(file)))
                    .sorted()
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            throw new IngestRefusedException(input + ": cannot list the directory");
        }
        List<Candidate> candidates = new ArrayList<>();
        for (Path entry : entries) {
            Optional<Path> real = roots.allowed(entry);
            if (real.isEmpty()) {
                skipped.add(IngestResult.skipped(entry.toString(), MediaRoots.notAllowed(entry.toString()).getMessage()));
            } else if (Files.isRegularFile(real.get())) {
                // a link to a directory is not followed; name it to register what it holds
                candidates.add(new Candidate(entry.toString(), real.get(), titleOf(entry), false, true));
            }
        }
        return candidates;
    }

    /** The download renamed with the extension of the container its content is; as it was when it is not media. */
    private Path typed(Path fetched, String input) throws IngestRefusedException {
        Optional<Container> container = probe.container(fetched);
        if (container.isEmpty()) {
            return fetched;
        }
        Path named = fetched.resolveSibling(fetched.getFileName() + container.get().extension());
        try {
            return Files.move(fetched, named, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new IngestRefusedException(input + ": the download could not be stored");
        }
    }

    private boolean usedByAnotherOwner(Path file, String videoOwner) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM videos WHERE media_path = :path AND owner <> :owner)")
                .param("path", file.toString()).param("owner", videoOwner).query(Boolean.class).single();
    }

    private IngestResult register(long projectId, Candidate candidate, String title, String videoOwner) {
        Path file = candidate.file();
        String format = probe.sniff(file);
        if (format == null) {
            String why = candidate.input() + ": not a media file (FFmpeg does not recognise its contents); nothing registered";
            return candidate.named() ? IngestResult.refused(candidate.input(), why) : IngestResult.skipped(candidate.input(), why);
        }
        String sha256;
        long size;
        try {
            sha256 = sha256(file);
            size = Files.size(file);
        } catch (IOException e) {
            return IngestResult.refused(candidate.input(), candidate.input() + ": cannot be read");
        }
        Long durationMs = null;
        String streams;
        String note = null;
        try {
            MediaInfo info = probe.probe(file);
            durationMs = info.durationMs() < 0 ? null : info.durationMs();
            streams = describe(info);
        } catch (MediaException e) {
            streams = "unreadable: " + e.getMessage();
            note = "registered, but the probe failed (" + e.getMessage() + "); the sweep will mark it FAILED";
        }
        Long knownDuration = durationMs;
        String streamText = streams;
        // registering and reserving its minutes are one change: a video over quota is not registered at all
        Long id = transaction.execute(status -> {
            Long inserted = jdbc.sql("""
                            INSERT INTO videos (project_id, title, source, media_path, sha256, size_bytes, duration_ms,
                                                streams, owner)
                            VALUES (:project, :title, :source, :path, :sha, :size, :duration, :streams, :owner)
                            ON CONFLICT (project_id, sha256) DO NOTHING
                            RETURNING id""")
                    .param("project", projectId).param("title", title).param("source", candidate.input())
                    .param("path", file.toString()).param("sha", sha256).param("size", size)
                    .param("duration", knownDuration).param("streams", streamText).param("owner", videoOwner)
                    .query(Long.class).optional().orElse(null);
            if (inserted != null) {
                ledger.reserve(inserted, videoOwner, knownDuration);
            }
            return inserted;
        });
        if (id != null) {
            return new IngestResult(candidate.input(), id, title, VideoStatus.PENDING, durationMs,
                    IngestResult.Outcome.REGISTERED, note);
        }
        return jdbc.sql("SELECT id, title, status, duration_ms FROM videos WHERE project_id = :project AND sha256 = :sha")
                .param("project", projectId).param("sha", sha256)
                .query((rs, n) -> new IngestResult(candidate.input(), rs.getLong("id"), rs.getString("title"),
                        VideoStatus.valueOf(rs.getString("status")), (Long) rs.getObject("duration_ms"),
                        IngestResult.Outcome.ALREADY_REGISTERED, "same content is already registered in this project"))
                .single();
    }

    private static String describe(MediaInfo info) {
        List<String> parts = new ArrayList<>();
        if (info.video() != null) {
            parts.add(info.video());
        }
        if (info.audio() != null) {
            parts.add(info.audio());
        }
        if (info.subtitles() > 0) {
            parts.add(info.subtitles() + " subtitle stream(s)");
        }
        return parts.isEmpty() ? "no audio or video stream" : String.join(", ", parts);
    }

    static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    // a title made from a name drops the invisible characters a typed title is refused for
    private static String titleOf(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return DisplayText.Characters.strip(dot > 0 ? name.substring(0, dot) : name);
    }

    private static String titleOf(URI uri) {
        String path = uri.getPath() == null ? "" : uri.getPath();
        String last = path.substring(path.lastIndexOf('/') + 1);
        return last.isBlank() ? uri.getHost() : titleOf(Path.of(last));
    }

    /**
     * @param named given by the user rather than found in a directory, so not being media is an error
     * @param local a path given or found under the media roots, not a download or an upload
     */
    private record Candidate(String input, Path file, String defaultTitle, boolean named, boolean local) {
    }
}
