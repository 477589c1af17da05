/**
 * compliance-runner checks videos before they go on air or online: what is said in them (speech and captions
 * against a versioned rule pack) and how they are made (loudness, true peak, black and frozen picture, silence,
 * flashes), on one timeline, with every finding put in front of human reviewers. This package holds only the
 * Spring Boot entry point; each feature lives in its own package.
 */
@NullMarked
package org.compliancerunner;

import org.jspecify.annotations.NullMarked;
