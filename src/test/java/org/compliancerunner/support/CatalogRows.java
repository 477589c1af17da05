package org.compliancerunner.support;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Projects and videos written straight into the catalog's tables, for tests that need rows and not an ingest. */
public final class CatalogRows {

    private CatalogRows() {
    }

    /** Creates project {@code name} owned by {@code owner}; returns its id. */
    public static long project(JdbcClient jdbc, String name, String owner) {
        return jdbc.sql("INSERT INTO projects (name, owner) VALUES (:name, :owner) RETURNING id")
                .param("name", name).param("owner", owner).query(Long.class).single();
    }

    /** A one-byte video in the project with the status given, its title also its source and path; returns its id. */
    public static long video(JdbcClient jdbc, long projectId, String title, String owner, String status) {
        return jdbc.sql("""
                        INSERT INTO videos (project_id, title, source, media_path, sha256, size_bytes, owner, status)
                        VALUES (:project, :title, :title, :title, md5(random()::text) || md5(random()::text), 1, :owner,
                                :status) RETURNING id""")
                .param("project", projectId).param("title", title).param("owner", owner).param("status", status)
                .query(Long.class).single();
    }
}
