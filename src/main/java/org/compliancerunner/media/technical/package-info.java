/**
 * The technical analysis of one file: the analyzers of the media subpackages listening to its one decode pass, what
 * they measured (loudness, levels, black, freeze, flashes, the speech map) with notes on what could not be measured,
 * and the measurements stored per video so a later rule pack can judge them without decoding.
 */
@NullMarked
package org.compliancerunner.media.technical;

import org.jspecify.annotations.NullMarked;
