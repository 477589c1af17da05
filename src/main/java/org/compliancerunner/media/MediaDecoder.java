package org.compliancerunner.media;
import java.nio.file.Path;
import java.util.List;
@org.springframework.stereotype.Component
public class MediaDecoder {
    public DecodeSummary decode(Path file, List<? extends MediaListener> listeners) throws MediaException { return null; }
}
