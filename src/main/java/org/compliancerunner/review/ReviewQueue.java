package org.compliancerunner.review;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.compliancerunner.notify.EventType;
import org.compliancerunner.notify.Outbox;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The operators' queue of findings to judge. The sweep feeds it with {@link #syncVideo}; operators take items with
 * {@link #next} and settle them with {@link #decide}. Every claim, decision and obsolescence is audited.
 */
@Service
public class ReviewQueue {

    private final ReviewItems items;
    private final FindingSync sync;
    private final VideoVerdicts verdicts;
    private final Outbox outbox;
    private final ReviewProperties properties;
    // joins the caller's transaction (the sweep's chunk), or opens one for an operator's request
    private final TransactionTemplate transaction;

    ReviewQueue(ReviewItems items, FindingSync sync, VideoVerdicts verdicts, Outbox outbox,
                ReviewProperties properties, @Qualifier("transactionManager") PlatformTransactionManager transactions) {
        this.items = items;
        this.outbox = outbox;
        this.sync = sync;
        this.verdicts = verdicts;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * Brings the video's review items in line with the triggers just (re)written for this pack version: new findings
     * become OPEN items, persisting ones keep their state and decision, vanished ones become OBSOLETE. Call it in the
     * transaction that rewrote the triggers. Calling it again changes nothing.
     *
     * @return how many items were added or changed
     */
    public int syncVideo(long videoId, String packName, int packVersion) {
        return transaction.execute(status -> {
            // the video's item rows first, then the video lock: the order a decision takes them in
            items.lockItemsOf(videoId);
            items.lockVideo(videoId);
            int changed = sync.sync(videoId, packName, packVersion, properties.minSeverity());
            announce(videoId, verdicts.refresh(videoId), null);
            return changed;
        });
    }

    /**
     * Claims the worst, oldest queued item matching the filter for {@code operator}, until the lease runs out.
     * Empty when nothing is left to claim.
     */
    public Optional<ReviewItem> next(String operator, ReviewFilter filter) {
        return items.claim(requireOperator(operator), filter, properties.lease());
    }

    /**
     * Records an operator's decision. Allowed to the lease holder, or anyone while the item is unclaimed; CONFIRMED and
     * REJECTED are final, ESCALATED items can be decided again by anyone.
     *
     * @throws UnknownItemException  no such item
     * @throws ItemHeldException     another operator holds the item's lease
     * @throws ItemDecidedException  the item is already decided, or its finding is gone
     */
    public DecisionOutcome decide(long itemId, String operator, Decision decision, @Nullable String comment) {
        return decide(itemId, operator, decision, comment, false);
    }

    /**
     * Records the decision of the operator holding the item's running claim, and of nobody else: what the API's
     * callers, who are authenticated as themselves, may do. The command line's operator on this machine may also
     * decide an unclaimed item ({@link #decide}).
     *
     * @throws ItemNotClaimedException the operator holds no running claim on the item
     */
    public DecisionOutcome decideAsClaimHolder(long itemId, String operator, Decision decision,
                                               @Nullable String comment) {
        return decide(itemId, operator, decision, comment, true);
    }

    private DecisionOutcome decide(long itemId, String operator, Decision decision, @Nullable String comment,
                                   boolean claimRequired) {
        String actor = requireOperator(operator);
        return transaction.execute(status -> {
            ReviewItems.Locked locked = items.lock(itemId).orElseThrow(() -> new UnknownItemException(itemId));
            ReviewItem item = locked.item();
            refuseIfClosed(item, decision);
            if (locked.leaseHolder() != null && !locked.leaseHolder().equals(actor)) {
                throw new ItemHeldException(itemId, locked.leaseHolder(), item.leaseUntil());
            }
            if (claimRequired && locked.leaseHolder() == null) {
                throw new ItemNotClaimedException(itemId);
            }
            ReviewItem decided = items.decide(item, actor, decision, comment);
            // taken last, so decisions on one video wait for each other only for the verdict
            items.lockVideo(item.videoId());
            VerdictChange change = verdicts.refresh(item.videoId());
            announce(item.videoId(), change, actor);
            return new DecisionOutcome(decided, change.after());
        });
    }

    /**
     * Tells receivers about a verdict reached, changed or withdrawn, in the transaction that changed it, so a
     * rolled-back decision or sync announces nothing. {@code actor} is null when a pack change, not an operator,
     * moved the verdict.
     */
    private void announce(long videoId, VerdictChange change, @Nullable String actor) {
        if (!change.changed()) {
            return;
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("videoId", videoId);
        if (change.after() == null) {
            payload.put("previousVerdict", change.before().name());
            outbox.publish(EventType.REVIEW_REOPENED, payload);
            return;
        }
        payload.put("verdict", change.after().name());
        if (change.before() != null) {
            payload.put("previousVerdict", change.before().name());
        }
        payload.put("decidedBy", actor);
        outbox.publish(EventType.REVIEW_COMPLETED, payload);
    }

    public Optional<ReviewItem> find(long itemId) {
        return items.find(itemId);
    }

    /** Items in id order, optionally only those in one state or of one project. */
    public List<ReviewItem> list(@Nullable ReviewState state, @Nullable String project, int limit) {
        return items.list(state, project, limit);
    }

    /** Items in id order after {@code afterId} (keyset pages), optionally of one state, project and owner. */
    public List<ReviewItem> page(@Nullable ReviewState state, @Nullable String project, @Nullable String owner,
                                 long afterId, int limit) {
        return items.page(state, project, owner, afterId, limit);
    }

    private static void refuseIfClosed(ReviewItem item, Decision decision) {
        if (item.state() == ReviewState.OBSOLETE) {
            throw new ItemDecidedException("review item " + item.id() + " is obsolete: " + item.packName() + " v"
                    + item.packVersion() + " no longer raises this finding, so there is nothing to decide");
        }
        if (item.state().closed()) {
            throw new ItemDecidedException("review item " + item.id() + " was already " + item.state() + " by "
                    + item.decidedBy() + " at " + item.decidedAt() + "; decisions are final");
        }
        if (item.state() == ReviewState.ESCALATED && decision == Decision.ESCALATE) {
            throw new ItemDecidedException("review item " + item.id() + " is already escalated (by " + item.decidedBy()
                    + "); confirm or reject it");
        }
    }

    private static String requireOperator(String operator) {
        if (operator == null || operator.isBlank()) {
            throw new ReviewException("an operator name is required; pass --operator NAME");
        }
        return operator.strip();
    }
}
