package org.compliancerunner.review;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Rule precision from operators' labels on live items: the rules that waste reviewers' time come first. */
@Service
public class PrecisionReport {

    private final JdbcClient jdbc;

    PrecisionReport(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Per rule id with at least one confirmed or rejected item, lowest precision first. */
    public List<RulePrecision> worstFirst() {
        return jdbc.sql("""
                        SELECT rule_id, confirmed, rejected, confirmed::float8 / (confirmed + rejected) AS precision
                        FROM (SELECT rule_id,
                                     count(*) FILTER (WHERE state = 'CONFIRMED') AS confirmed,
                                     count(*) FILTER (WHERE state = 'REJECTED') AS rejected
                              FROM review_items WHERE state IN ('CONFIRMED', 'REJECTED')
                              GROUP BY rule_id) labelled
                        ORDER BY precision, confirmed + rejected DESC, rule_id""")
                .query(RulePrecision.class).list();
    }
}
