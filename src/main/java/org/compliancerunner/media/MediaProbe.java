package org.compliancerunner.media;
import java.nio.file.Path;
@org.springframework.stereotype.Component
public class MediaProbe {
    public String sniff(Path file) { return "mp4"; }
    public MediaInfo probe(Path file) throws MediaException { return new MediaInfo("mp4", 1000, "v", "a", 0); }
}
