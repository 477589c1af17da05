package org.compliancerunner.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.compliancerunner.catalog.Video;
import org.compliancerunner.catalog.VideoStatus;
import org.compliancerunner.catalog.Videos;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "videos", mixinStandardHelpOptions = true, description = "Lists registered videos.",
        subcommands = RequeueCommand.class)
class VideosCommand implements Callable<Integer> {

    @Mixin
    CommandStreams streams;

    @Option(names = "--status", paramLabel = "S",
            description = "Only videos in this status: ${COMPLETION-CANDIDATES}.")
    @Nullable VideoStatus status;

    @Option(names = "--project", paramLabel = "P", description = "Only this project's videos.")
    @Nullable String project;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "1000", description = "At most N videos (default: ${DEFAULT-VALUE}).")
    int limit;

    @Mixin
    JsonOption json;

    private final Videos videos;
    private final JsonOutput output;

    VideosCommand(Videos videos, JsonOutput output) {
        this.videos = videos;
        this.output = output;
    }

    @Override
    public Integer call() {
        PrintWriter out = streams.out();
        var list = videos.list(status, project, limit);
        if (list.isEmpty() && !json.requested()) {
            out.println("No videos" + (status == null ? "" : " in status " + status) + ". Register some with: ingest FILE...");
        }
        for (Video video : list) {
            if (json.requested()) {
                output.line(out, JsonOutput.object("id", video.id(), "title", video.title(), "status", video.status().name(),
                        "failureReason", video.failureReason(), "durationMs", video.durationMs(),
                        "project", video.project(), "source", video.source(),
                        "analysisMs", video.analysisMs(), "decodeMs", video.decodeMs()));
            } else {
                out.printf("#%-5d %-10s %8s  %-12s %s%s%n", video.id(), video.status(), Timecode.seconds(video.durationMs()),
                        video.project(), video.title(), video.failureReason() == null ? "" : "  — " + video.failureReason());
            }
        }
        out.flush();
        return ExitCodes.OK;
    }
}
