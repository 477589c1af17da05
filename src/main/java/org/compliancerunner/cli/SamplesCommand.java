package org.compliancerunner.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.compliancerunner.demo.SampleMedia;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "samples", mixinStandardHelpOptions = true,
        description = {"Writes short H.264 + AAC clips, each with an SRT sidecar, for trying the sweep out or "
                + "benchmarking it. Every third clip's captions contain a claim the default rule pack flags."})
class SamplesCommand implements Callable<Integer> {

    @Mixin
    CommandStreams streams;

    @Parameters(paramLabel = "DIRECTORY", description = "Where to write the clips (created if missing).")
    Path directory;

    @Option(names = "--count", paramLabel = "N", defaultValue = "10", description = "Number of clips (default: ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "2", description = "Length of each clip (default: ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--width", defaultValue = "320", description = "Picture width (default: ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--height", defaultValue = "180", description = "Picture height (default: ${DEFAULT-VALUE}).")
    int height;

    @Override
    public Integer call() throws Exception {
        if (count < 1 || seconds <= 0 || width < 16 || height < 16 || width % 2 != 0 || height % 2 != 0) {
            streams.err().println("error: --count must be at least 1, --seconds above 0, "
                    + "--width and --height even and at least 16");
            return ExitCodes.USAGE;
        }
        Files.createDirectories(directory);
        PrintWriter out = streams.out();
        long captionEnd = Math.max(500, (long) (seconds * 1000) - 200);
        for (int i = 1; i <= count; i++) {
            String name = String.format("sample-%04d", i);
            SampleMedia.writeClip(directory.resolve(name + ".mp4"), seconds, width, height, i);
            String text = i % 3 == 0 ? "Sample " + i + " promises guaranteed returns." : "Sample " + i + " is harmless.";
            SampleMedia.writeCaptions(directory.resolve(name + ".srt"), List.of(new SampleMedia.Cue(100, captionEnd, text)));
            if (i % 50 == 0 || i == count) {
                out.printf("%d/%d clips written to %s%n", i, count, directory);
                out.flush();
            }
        }
        return ExitCodes.OK;
    }
}
