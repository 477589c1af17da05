/**
 * How words are compared in any supported language: normalisation, lemmas from dictionaries and stems from
 * Lucene's analyzers, and detection of a line's language when the transcript does not declare it.
 */
@NullMarked
package org.compliancerunner.language;

import org.jspecify.annotations.NullMarked;
