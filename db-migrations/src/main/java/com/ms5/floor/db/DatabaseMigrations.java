package com.ms5.floor.db;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings a database's schema up to this build's version with the Flyway SQL migrations under
 * {@code db/migration} in this module. Migrations are never edited once released; Hibernate then
 * only validates the schema.
 */
public final class DatabaseMigrations {
    private DatabaseMigrations() {
    }

    /**
     * Applies every pending migration.
     *
     * @return the schema version after migrating
     * @throws org.flywaydb.core.api.FlywayException if a migration fails or an applied one was changed
     */
    public static String migrate(DataSource dataSource) {
        return migrate(dataSource, "latest");
    }

    /** Applies the migrations up to {@code targetVersion} ("latest" for all); tests start from earlier versions. */
    public static String migrate(DataSource dataSource, String targetVersion) {
        MigrateResult result = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .target(targetVersion)
                .load()
                .migrate();
        return result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
    }
}
