package org.compliancerunner.review;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.compliancerunner.catalog.Videos;
import org.compliancerunner.policy.Severity;
import org.compliancerunner.security.Caller;
import org.compliancerunner.web.Problems;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.ErrorResponseException;

/**
 * The review queue over HTTP, as {@code review next|confirm|reject|escalate} on the command line: the caller is the
 * operator, and only the lease holder decides a claimed item. Non-administrators work on their own projects only.
 */
@RestController
@RequestMapping("/api/review")
@Tag(name = "review")
class ReviewController {

    private final ReviewQueue queue;
    private final Videos videos;

    ReviewController(ReviewQueue queue, Videos videos) {
        this.queue = queue;
        this.videos = videos;
    }

    /** What to claim; every field is optional. */
    record ClaimRequest(@Size(max = 100) @Nullable String project, @Size(max = 200) @Nullable String rule,
                        @Pattern(regexp = "info|low|medium|high|critical") @Nullable String severity) {
    }

    record DecisionRequest(@NotNull Decision decision, @Size(max = 2000) @Nullable String comment) {
    }

    record Page(List<ReviewItem> items, @Nullable Long nextCursor) {
    }

    @Operation(summary = "Claim the worst, oldest finding waiting for review (201 with the item, 204 when none is left)")
    @PostMapping("/claims")
    ResponseEntity<ReviewItem> claim(@Valid @RequestBody(required = false) @Nullable ClaimRequest request,
                                     Authentication authentication) {
        ClaimRequest filter = request == null ? new ClaimRequest(null, null, null) : request;
        Caller caller = Caller.of(authentication);
        return queue.next(caller.username(), new ReviewFilter(filter.project(), filter.rule(),
                        Severity.parse(filter.severity()), caller.ownerScope()))
                .map(item -> ResponseEntity.created(URI.create("/api/review/items/" + item.id())).body(item))
                .orElseGet(() -> ResponseEntity.noContent().build());
    }

    @Operation(summary = "Confirm, reject or escalate an item; only the operator holding its claim may, while it lasts (409 otherwise)")
    @PostMapping("/items/{id}/decision")
    DecisionOutcome decide(@PathVariable long id, @Valid @RequestBody DecisionRequest request,
                           Authentication authentication) {
        Caller caller = Caller.of(authentication);
        require(id, caller);
        return queue.decideAsClaimHolder(id, caller.username(), request.decision(), request.comment());
    }

    @Operation(summary = "Items in id order, one page at a time: pass the previous page's nextCursor as cursor")
    @GetMapping("/items")
    Page list(@RequestParam(required = false) @Nullable ReviewState state,
              @RequestParam(required = false) @Size(max = 100) @Nullable String project,
              @RequestParam(defaultValue = "0") @PositiveOrZero long cursor,
              @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit,
              Authentication authentication) {
        List<ReviewItem> items = queue.page(state, project, Caller.of(authentication).ownerScope(), cursor, limit);
        return new Page(items, items.size() < limit ? null : items.get(items.size() - 1).id());
    }

    @Operation(summary = "One item with its evidence, state and decision")
    @GetMapping("/items/{id}")
    ReviewItem item(@PathVariable long id, Authentication authentication) {
        return require(id, Caller.of(authentication));
    }

    private ReviewItem require(long id, Caller caller) {
        ReviewItem item = queue.find(id).orElseThrow(() -> Problems.notFound("review item " + id));
        if (caller.ownerScope() != null && videos.find(item.videoId(), caller.ownerScope()).isEmpty()) {
            throw Problems.notFound("review item " + id);
        }
        return item;
    }

    @ExceptionHandler(UnknownItemException.class)
    ErrorResponseException unknown(UnknownItemException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "not-found", e.getMessage());
    }

    @ExceptionHandler(ItemHeldException.class)
    ErrorResponseException held(ItemHeldException e) {
        return Problems.of(HttpStatus.CONFLICT, "review-item-held", e.getMessage());
    }

    @ExceptionHandler(ItemNotClaimedException.class)
    ErrorResponseException notClaimed(ItemNotClaimedException e) {
        return Problems.of(HttpStatus.CONFLICT, "review-item-not-claimed", e.getMessage());
    }

    @ExceptionHandler(ItemDecidedException.class)
    ErrorResponseException decided(ItemDecidedException e) {
        return Problems.of(HttpStatus.CONFLICT, "review-item-decided", e.getMessage());
    }
}
