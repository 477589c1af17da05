package org.compliancerunner.media;
import java.nio.file.Path;
import java.util.List;
public class SampleMedia {
    public record Cue(long startMs, long endMs, String text) {}
    public static void writeClip(Path file, double seconds, int width, int height) {}
    public static void writeCaptions(Path srt, List<Cue> cues) {}
    public static Path writeDemoSet(Path dir) { return dir; }
}
