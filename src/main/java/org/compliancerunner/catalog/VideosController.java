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
import org.compliancerunner.media.MeasurementStore;
import org.compliancerunner.media.Measurements;
import org.compliancerunner.policy.StoredTrigger;
import org.compliancerunner.policy.TriggerStore;
import org.compliancerunner.speech.TranscriptSegment;
import org.compliancerunner.speech.TranscriptStore;
import org.compliancerunner.web.Caller;
import org.compliancerunner.web.Problems;
import org.compliancerunner.web.Progress;
import org.compliancerunner.web.ProgressStreams;
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
    private final MeasurementStore measurements;
    private final TriggerStore triggers;
    private final TranscriptStore transcripts;
    private final ProgressStreams streams;
    private final Path uploads;

    VideosController(Ingest ingest, Videos videos, Projects projects, MeasurementStore measurements,
                     TriggerStore triggers, TranscriptStore transcripts, ProgressStreams streams,
                     ComplianceProperties compliance) {
        this.ingest = ingest;
        this.videos = videos;
        this.projects = projects;
        this.measurements = measurements;
        this.triggers = triggers;
        this.transcripts = transcripts;
        this.streams = streams;
        // under $COMPLIANCE_HOME/media, which the default media roots allow
        this.uploads = compliance.mediaHome().resolve("uploads");
    }

    /**
     * @param source  an http(s) URI to download, or a path on the server under compliance.media.roots
     * @param project the project to register into; the caller's own project (named after them) when absent
     */
    record Registration(@NotBlank @Size(max = 4096) String source,
                        @Size(min = 3, max = 200) String title,
                        @Pattern(regexp = PROJECT_NAME) String project) {
    }

    record Registered(List<IngestResult> videos) {
    }

    record Page(List<Video> items, Long nextCursor) {
    }

    record Detail(Video video, Measurements measurements, List<StoredTrigger> triggers,
                  List<TranscriptSegment> transcript) {
    }

    @Operation(summary = "Register videos from an http(s) URI or a server path (a directory registers every media file in it)")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Registered> register(@Valid @RequestBody Registration registration, Authentication authentication) {
        return registered(Caller.of(authentication), registration.source(), registration.project(), registration.title(),
                null);
    }

    @Operation(summary = "Upload one video (multipart field 'file'); it is streamed to disk, not held in memory")
    @PostMapping(path = "/upload", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Registered> upload(@RequestPart("file") MultipartFile file,
                                      @RequestParam(required = false) @Size(min = 3, max = 200) String title,
                                      @RequestParam(required = false) @Pattern(regexp = PROJECT_NAME) String project,
                                      Authentication authentication) {
        if (file.isEmpty()) {
            throw Problems.badRequest("file", "file: the upload is empty");
        }
        Path stored = uploads.resolve(UUID.randomUUID() + extensionOf(file.getOriginalFilename()));
        Path part = stored.resolveSibling(stored.getFileName() + ".part");
        boolean keep = false;
        try {
            Files.createDirectories(uploads);
            file.transferTo(part);
            Files.move(part, stored);
            String defaultTitle = title != null ? title : titleOf(file.getOriginalFilename());
            ResponseEntity<Registered> response = registered(Caller.of(authentication), stored.toString(), project,
                    defaultTitle, file.getOriginalFilename());
            // a copy of content already registered is not needed; the registered video keeps its own file
            keep = response.getBody().videos().stream().anyMatch(r -> r.outcome() == IngestResult.Outcome.REGISTERED);
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException("the upload could not be stored under " + uploads + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(part);
            if (!keep) {
                deleteQuietly(stored);
            }
        }
    }

    private ResponseEntity<Registered> registered(Caller caller, String source, String project, String title,
                                                  String shownAs) {
        // project names are global: without one, a caller's videos go to the project named after them
        String projectName = project == null ? caller.username() : project;
        // an administrator registering into someone's project registers for that owner, whose quota it uses
        String owner = caller.admin() ? projects.ownerOf(projectName).orElse(caller.username()) : caller.username();
        List<IngestResult> results;
        try {
            results = ingest.ingestFor(owner, source, projectName, title);
        } catch (IngestRefusedException e) {
            String field = e.getMessage().startsWith("project '") ? "project" : shownAs == null ? "source" : "file";
            throw Problems.badRequest(field, e.getMessage());
        }
        if (shownAs != null) {
            // the client knows its file by its own name, not by where the server put it
            results = results.stream().map(r -> new IngestResult(shownAs, r.id(), r.title(), r.status(), r.durationMs(),
                    r.outcome(), r.message() == null ? null : r.message().replace(source, shownAs))).toList();
        }
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

    @Operation(summary = "Videos, newest first, one page at a time: pass the previous page's nextCursor as cursor")
    @GetMapping
    Page list(@RequestParam(required = false) VideoStatus status,
              @RequestParam(required = false) @Pattern(regexp = PROJECT_NAME) String project,
              @RequestParam(required = false) @Positive Long cursor,
              @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit,
              Authentication authentication) {
        List<Video> page = videos.page(Caller.of(authentication).ownerScope(), status, project, cursor, limit);
        Long next = page.size() < limit ? null : page.get(page.size() - 1).id();
        return new Page(page, next);
    }

    @Operation(summary = "One video with its measurements, current findings and transcript")
    @GetMapping("/{id}")
    Detail detail(@PathVariable long id, Authentication authentication) {
        Video video = require(id, authentication);
        return new Detail(video, measurements.find(id).orElse(null), triggers.list(id, 10_000), transcripts.find(id));
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

    private static String extensionOf(String filename) {
        if (filename == null) {
            return "";
        }
        int dot = filename.lastIndexOf('.');
        String extension = dot < 0 ? "" : filename.substring(dot).toLowerCase(Locale.ROOT);
        // the client's name is not trusted into a path: letters and digits only
        return extension.matches("\\.[a-z0-9]{1,8}") ? extension : "";
    }

    private static String titleOf(String filename) {
        if (filename == null || filename.isBlank()) {
            return null;
        }
        String name = Path.of(filename.replace('\\', '/')).getFileName().toString();
        int dot = name.lastIndexOf('.');
        String title = dot > 0 ? name.substring(0, dot) : name;
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
