package org.compliancerunner.catalog;

import java.util.Optional;

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

    /** The id of the named project, created for {@code owner} if it does not exist yet. */
    public long idFor(String name, String owner) {
        jdbc.sql("INSERT INTO projects (name, owner) VALUES (:name, :owner) ON CONFLICT (name) DO NOTHING")
                .param("name", name).param("owner", owner).update();
        return find(name).orElseThrow();
    }

    public Optional<Long> find(String name) {
        return jdbc.sql("SELECT id FROM projects WHERE name = :name").param("name", name).query(Long.class).optional();
    }
}
