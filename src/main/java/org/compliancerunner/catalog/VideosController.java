package org.compliancerunner.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.compliancerunner.config.ComplianceProperties;
import org.compliancerunner.media.Container;
import org.compliancerunner.media.MediaProbe;
import org.compliancerunner.media.technical.MeasurementStore;
import org.compliancerunner.media.technical.Measurements;
import org.compliancerunner.policy.StoredTrigger;
import org.compliancerunner.policy.TriggerStore;
import org.compliancerunner.speech.TranscriptSegment;
import org.compliancerunner.speech.TranscriptStore;
import org.compliancerunner.security.Caller;
import org.compliancerunner.web.DisplayText;
import org.compliancerunner.web.Problems;
import org.compliancerunner.web.Progress;
import org.compliancerunner.web.ProgressStreams;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Videos over HTTP: register, upload, list, read, watch. Non-administrators see only their own projects' videos. */
@RestController
@RequestMapping("/api/videos")
@Tag(name = "videos")
class VideosController {

    static final String PROJECT_NAME = "[A-Za-z0-9][A-Za-z0-9._-]{0,99}";

    private final Ingest ingest;
    private final Videos videos;
    private final Projects projects;
    private final MediaProbe probe;
    private final MeasurementStore measurements;
    private final TriggerStore triggers;
    private final TranscriptStore transcripts;
    private final ProgressStreams streams;
    private final Path uploads;

    VideosController(Ingest ingest, Videos videos, Projects projects, MediaProbe probe, MeasurementStore measurements,
                     TriggerStore triggers, TranscriptStore transcripts, ProgressStreams streams,
                     ComplianceProperties compliance) {
        this.ingest = ingest;
        this.videos = videos;
        this.projects = projects;
        this.probe = probe;
        this.measurements = measurements;
        this.triggers = triggers;
        this.transcripts = transcripts;
        this.streams = streams;
        // outside the media roots, so a path registration never reaches another owner's upload
        this.uploads = compliance.uploads();
    }

    /**
     * @param source  an http(s) URI to download, or (administrators only) a path on the server under
     *                compliance.media.roots
     * @param project the project to register into; the caller's own project (named after them) when absent
     * @param owner   administrators only: whose project it is, when several owners use the name
     */
    record Registration(@NotBlank @Size(max = 4096) String source,
                        @Size(min = 3, max = 200) @DisplayText @Nullable String title,
                        @Pattern(regexp = PROJECT_NAME) @Nullable String project,
                        @Size(max = 100) @Nullable String owner) {
    }

    record Registered(List<IngestResult> videos) {
    }

    record Page(List<Video> items, @Nullable Long nextCursor) {
    }

    record Detail(Video video, @Nullable Measurements measurements, List<StoredTrigger> triggers,
                  List<TranscriptSegment> transcript) {
    }

    @Operation(summary = "Register videos from an http(s) URI, or (administrators) a server path: a directory registers every media file in it")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Registered> register(@Valid @RequestBody Registration registration, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        String source = registration.source();
        if (!caller.admin() && !isUri(source)) {
            // a path reads the server's disk, which holds every owner's files
            throw Problems.of(HttpStatus.FORBIDDEN, "forbidden", "registering a path on the server is for "
                    + "administrators; upload the file or give an http(s) URI");
        }
        requireOwnOrAdmin(caller, registration.owner());
        String projectName = registration.project() == null ? caller.username() : registration.project();
        String owner = ownerFor(caller, projectName, registration.owner());
        List<IngestResult> results;
        try {
            results = ingest.ingestFor(owner, source, projectName, registration.title());
        } catch (IngestRefusedException e) {
            throw Problems.badRequest("source", e.getMessage());
        }
        return answer(results);
    }

    @Operation(summary = "Upload one video (multipart field 'file'); it is streamed to disk, not held in memory")
    @PostMapping(path = "/upload", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Registered> upload(@RequestPart("file") MultipartFile file,
                                      @RequestParam(required = false) @Size(min = 3, max = 200) @DisplayText @Nullable String title,
                                      @RequestParam(required = false) @Pattern(regexp = PROJECT_NAME) @Nullable String project,
                                      @RequestParam(required = false) @Size(max = 100) @Nullable String owner,
                                      Authentication authentication) {
        if (file.isEmpty()) {
            throw Problems.badRequest("file", "file: the upload is empty");
        }
        Caller caller = Caller.of(authentication);
        requireOwnOrAdmin(caller, owner);
        String shownAs = shownName(file.getOriginalFilename());
        String name = UUID.randomUUID().toString();
        Path part = uploads.resolve(name + ".part");
        Path stored = null;
        boolean keep = false;
        try {
            Files.createDirectories(uploads);
            file.transferTo(part);
            Container container = probe.container(part).orElseThrow(() -> Problems.of(
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media",
                    shownAs + ": not a media file (FFmpeg does not recognise its contents); nothing registered"));
            // the name the file is kept under says what its content is, whatever the client called it
            stored = uploads.resolve(name + container.extension());
            Files.move(part, stored);
            String projectName = project == null ? caller.username() : project;
            IngestResult result = ingest.ingestUpload(ownerFor(caller, projectName, owner), stored, shownAs, projectName,
                    title != null ? title : titleOf(shownAs));
            // a copy of content already registered is not needed; the registered video keeps its own file
            keep = result.outcome() == IngestResult.Outcome.REGISTERED;
            return answer(List.of(result));
        } catch (IOException e) {
            throw new UncheckedIOException("the upload could not be stored: " + e.getMessage(), e);
        } finally {
            deleteQuietly(part);
            if (!keep && stored != null) {
                deleteQuietly(stored);
            }
        }
    }

    private static void requireOwnOrAdmin(Caller caller, @Nullable String owner) {
        if (!caller.admin() && owner != null && !owner.equals(caller.username())) {
            throw Problems.of(HttpStatus.FORBIDDEN, "forbidden", "only administrators register for another owner");
        }
    }

    /**
     * Whose project a video goes to: the caller's own, or for an administrator the one named, else the only owner
     * with a project of that name, else the administrator's own.
     */
    private String ownerFor(Caller caller, String projectName, @Nullable String named) {
        if (!caller.admin()) {
            return caller.username();
        }
        if (named != null) {
            return named;
        }
        List<String> owners = projects.ownersOf(projectName);
        if (owners.size() > 1) {
            throw Problems.badRequest("owner", "several owners have a project named '" + projectName
                    + "'; say whose with owner");
        }
        // an administrator registering into someone's project registers for that owner, whose quota it uses
        return owners.isEmpty() ? caller.username() : owners.get(0);
    }

    private ResponseEntity<Registered> answer(List<IngestResult> results) {
        if (!results.isEmpty() && results.stream().allMatch(IngestResult::refused)) {
            boolean notMedia = results.stream().allMatch(r -> r.message() != null && r.message().contains("not a media file"));
            throw Problems.of(notMedia ? HttpStatus.UNSUPPORTED_MEDIA_TYPE : HttpStatus.BAD_REQUEST,
                    notMedia ? "unsupported-media" : "invalid-input", results.get(0).message());
        }
        List<IngestResult> registered = results.stream()
                .filter(r -> r.outcome() == IngestResult.Outcome.REGISTERED).toList();
        if (registered.isEmpty()) {
            return ResponseEntity.ok(new Registered(results));
        }
        return ResponseEntity.created(URI.create("/api/videos/" + registered.get(0).id())).body(new Registered(results));
    }

    private static boolean isUri(String source) {
        // any scheme: ingest refuses those it does not fetch, with a 400 that says so
        return source.toLowerCase(Locale.ROOT).matches("^[a-z][a-z0-9+.-]*://.*");
    }

    @Operation(summary = "Videos, newest first, one page at a time: pass the previous page's nextCursor as cursor")
    @GetMapping
    Page list(@RequestParam(required = false) @Nullable VideoStatus status,
              @RequestParam(required = false) @Pattern(regexp = PROJECT_NAME) @Nullable String project,
              @RequestParam(required = false) @Positive @Nullable Long cursor,
              @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit,
              Authentication authentication) {
        Caller caller = Caller.of(authentication);
        List<Video> page = videos.page(caller.ownerScope(), status, project, cursor, limit);
        Long next = page.size() < limit ? null : page.get(page.size() - 1).id();
        return new Page(caller.admin() ? page : page.stream().map(Video::withoutServerPaths).toList(), next);
    }

    @Operation(summary = "One video with its measurements, current findings and transcript")
    @GetMapping("/{id}")
    Detail detail(@PathVariable long id, Authentication authentication) {
        Video video = require(id, authentication);
        Video shown = Caller.of(authentication).admin() ? video : video.withoutServerPaths();
        return new Detail(shown, measurements.find(id).orElse(null), triggers.list(id, 10_000), transcripts.find(id));
    }

    @Operation(summary = "The video's status as Server-Sent Events until it is DONE or FAILED")
    @GetMapping(path = "/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(@PathVariable long id, Authentication authentication) {
        require(id, authentication);
        return streams.open(() -> progressOf(videos.find(id).map(Video::status).orElse(VideoStatus.FAILED)));
    }

    static Progress progressOf(VideoStatus status) {
        return switch (status) {
            case PENDING -> new Progress(status.name(), 0.0, false);
            case QUEUED -> new Progress(status.name(), 0.1, false);
            case PROCESSING -> new Progress(status.name(), 0.5, false);
            case DONE, FAILED -> new Progress(status.name(), 1.0, true);
        };
    }

    private Video require(long id, Authentication authentication) {
        return videos.find(id, Caller.of(authentication).ownerScope())
                .orElseThrow(() -> Problems.notFound("video " + id));
    }

    /** The client's name for its file, without any directories, for results and messages. */
    private static String shownName(@Nullable String filename) {
        String name = filename == null ? "" : filename.substring(Math.max(filename.lastIndexOf('/'), filename.lastIndexOf('\\')) + 1);
        return name.isBlank() ? "upload" : name;
    }

    private static @Nullable String titleOf(String name) {
        int dot = name.lastIndexOf('.');
        // a title made from a name drops the invisible characters a typed title is refused for
        String title = DisplayText.Characters.strip(dot > 0 ? name.substring(0, dot) : name).strip();
        return title.length() < 3 ? null : title.substring(0, Math.min(200, title.length()));
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // nothing else to do; the name is random, so it is never reused
        }
    }
}
