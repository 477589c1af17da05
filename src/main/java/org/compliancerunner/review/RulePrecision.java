package org.compliancerunner.review;

/** How often operators agreed with a rule: confirmed / (confirmed + rejected). */
public record RulePrecision(String ruleId, long confirmed, long rejected, double precision) {
}
