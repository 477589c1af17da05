package org.compliancerunner.sweep;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * What to sweep.
 *
 * @param project    only this project's videos, or all when null
 * @param limit      at most this many videos, or all when null
 * @param rules      a rule-pack file replacing the default pack, or null
 * @param partitions analyze partitions, or the configured default when null
 */
public record SweepRequest(@Nullable String project, @Nullable Long limit, @Nullable Path rules,
                           @Nullable Integer partitions) {
}
