package org.compliancerunner.policy;

/** Names one stored rule-pack version: what triggers, review items and videos record as their judge. */
public record PackVersion(String name, int version) {
}
