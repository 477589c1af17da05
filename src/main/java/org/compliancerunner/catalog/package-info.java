/**
 * Projects and videos: ingest from files under the allowed media roots and from public http(s) addresses,
 * deduplicated by content, the queue of videos a sweep claims, and the media served to reviewers.
 */
@NullMarked
package org.compliancerunner.catalog;

import org.jspecify.annotations.NullMarked;
