package org.compliancerunner.catalog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.compliancerunner.media.Container;
import org.compliancerunner.media.MediaProbe;
import org.compliancerunner.security.Caller;
import org.compliancerunner.web.Problems;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A video's media file for players: Spring MVC answers Range requests on a returned resource with 206 and the part
 * asked for, so a reviewer can seek to a finding without downloading the whole file. Owner checks as for the video.
 */
@RestController
@RequestMapping("/api/videos")
@Tag(name = "videos")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class VideoMediaController {

    private final Videos videos;
    private final MediaProbe probe;

    VideoMediaController(Videos videos, MediaProbe probe) {
        this.videos = videos;
        this.probe = probe;
    }

    /**
     * The type is the one of the container the file's content is, never one the file's name suggests: a file that
     * is also an HTML page is served as the video it is, in a sandbox where no script runs even if a browser
     * rendered it (SecurityHeaders). HEAD answers as GET does, without the body (Spring MVC maps it to this method).
     */
    @Operation(summary = "The video's media file, with HTTP range requests; the token may also come as access_token")
    @GetMapping("/{id}/media")
    ResponseEntity<Resource> media(@PathVariable long id, Authentication authentication) {
        Video video = videos.find(id, Caller.of(authentication).ownerScope())
                .orElseThrow(() -> Problems.notFound("video " + id));
        Path file = Path.of(video.mediaPath());
        if (!Files.isReadable(file)) {
            throw Problems.of(HttpStatus.GONE, "media-gone", "the media file of video " + id
                    + " is no longer where it was registered; register it again");
        }
        Optional<Container> container = probe.container(file);
        MediaType type = container.map(c -> MediaType.parseMediaType(c.contentType()))
                .orElse(MediaType.APPLICATION_OCTET_STREAM);
        String extension = container.map(Container::extension).orElse(".bin");
        ContentDisposition disposition = (container.map(Container::playable).orElse(false)
                ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename("video-" + id + extension).build();
        // private: the response needed a token; players may keep it for the session
        return ResponseEntity.ok().contentType(type).cacheControl(CacheControl.noCache().cachePrivate())
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .body(new FileSystemResource(file));
    }
}
