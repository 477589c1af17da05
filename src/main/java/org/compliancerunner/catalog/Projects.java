package org.compliancerunner.catalog;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Projects group videos; a project is created on first use by ingest. */
@Service
public class Projects {

    public static final String DEFAULT = "default";

    private final JdbcClient jdbc;

    public Projects(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The id of {@code owner}'s project of that name, created if it does not exist yet. Names are per owner. */
    public long idFor(String name, String owner) {
        jdbc.sql("INSERT INTO projects (name, owner) VALUES (:name, :owner) ON CONFLICT (owner, name) DO NOTHING")
                .param("name", name).param("owner", owner).update();
        return find(name, owner).orElseThrow();
    }

    /** The owners who have a project of that name, in name order; several owners may use one name. */
    public List<String> ownersOf(String name) {
        return jdbc.sql("SELECT owner FROM projects WHERE name = :name ORDER BY owner").param("name", name)
                .query(String.class).list();
    }

    /**
     * Projects by name with their counts, computed by the database in one statement: the current findings (of the pack
     * version that judged each video last) and the operators' labels (confirmed or rejected review items). Only {@code owner}'s
     * projects, or all when owner is null.
     */
    public List<ProjectSummary> summaries(@Nullable String owner) {
        return jdbc.sql("""
                        SELECT p.id, p.name, p.owner, p.created_at,
                               (SELECT count(*) FROM videos v WHERE v.project_id = p.id) AS video_count,
                               (SELECT count(*) FROM triggers t JOIN videos v ON v.id = t.video_id
                                 WHERE v.project_id = p.id AND t.pack_name = v.pack_name
                                   AND t.pack_version = v.pack_version) AS trigger_count,
                               (SELECT count(*) FROM review_items r
                                 WHERE r.project_id = p.id AND r.state IN ('CONFIRMED', 'REJECTED')) AS label_count
                        FROM projects p
                        WHERE CAST(:owner AS TEXT) IS NULL OR p.owner = :owner
                        ORDER BY p.name""")
                .param("owner", owner)
                .query(ProjectSummary.class).list();
    }

    public Optional<Long> find(String name, String owner) {
        return jdbc.sql("SELECT id FROM projects WHERE name = :name AND owner = :owner")
                .param("name", name).param("owner", owner).query(Long.class).optional();
    }
}
