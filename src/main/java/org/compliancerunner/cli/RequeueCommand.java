package org.compliancerunner.cli;

import java.util.concurrent.Callable;

import org.compliancerunner.catalog.SweepQueue;
import org.compliancerunner.catalog.Videos;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "requeue", mixinStandardHelpOptions = true,
        description = {"Puts a checked or failed video back in the queue: the next sweep checks it again from its file.",
                "Minutes already charged for it are not charged again."})
class RequeueCommand implements Callable<Integer> {

    @Mixin
    CommandStreams streams;

    @Parameters(paramLabel = "ID", description = "The video's id (see: videos).")
    long videoId;

    private final SweepQueue queue;
    private final Videos videos;

    RequeueCommand(SweepQueue queue, Videos videos) {
        this.queue = queue;
        this.videos = videos;
    }

    @Override
    public Integer call() {
        if (queue.requeue(videoId)) {
            streams.out().println("Video " + videoId + " is PENDING again; run: sweep");
            return ExitCodes.OK;
        }
        String why = videos.find(videoId).map(video -> "video " + videoId + " is " + video.status()
                        + "; only DONE or FAILED videos can be requeued")
                .orElse("no video " + videoId + " (see: videos)");
        streams.err().println("error: " + why);
        return ExitCodes.FAILED;
    }
}
