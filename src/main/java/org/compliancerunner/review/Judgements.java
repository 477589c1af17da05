package org.compliancerunner.review;

import java.util.List;
import java.util.Map;

import org.compliancerunner.notify.EventType;
import org.compliancerunner.notify.Outbox;
import org.compliancerunner.policy.PackVersion;
import org.compliancerunner.policy.Trigger;
import org.compliancerunner.policy.TriggerStore;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records what one pack version found on a video, the same way for a sweep and a re-evaluation: the findings replace
 * that version's earlier ones, the review items follow them, and a flagged video is announced as
 * {@code video.flagged}. All of it in the caller's transaction (a chunk's), so a rolled-back chunk leaves none of it.
 */
@Service
public class Judgements {

    private final TriggerStore triggers;
    private final ReviewQueue reviews;
    private final Outbox outbox;
    private final TransactionTemplate transaction;

    Judgements(TriggerStore triggers, ReviewQueue reviews, Outbox outbox,
               @Qualifier("transactionManager") PlatformTransactionManager transactions) {
        this.triggers = triggers;
        this.reviews = reviews;
        this.outbox = outbox;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * Stores {@code found} as the pack version's findings on the video. Recording the same findings again replaces
     * them and changes no review item.
     *
     * @return how many review items were added or changed
     */
    public int record(long videoId, String title, PackVersion pack, List<Trigger> found) {
        return transaction.execute(status -> {
            triggers.replace(videoId, pack.name(), pack.version(), found);
            int changed = reviews.syncVideo(videoId, pack, found);
            if (!found.isEmpty()) {
                outbox.publish(EventType.VIDEO_FLAGGED, Map.of("videoId", videoId, "title", title, "pack", pack.name(),
                        "packVersion", pack.version(), "triggers", found.size(),
                        "rules", found.stream().map(Trigger::ruleId).distinct().sorted().toList()));
            }
            return changed;
        });
    }
}
