package com.ms5.floor.app.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppConfigTest {
    @TempDir
    Path home;

    @Test
    void noFileMeansTheVirtualPlantAndTheEmbeddedDatabase() throws Exception {
        AppConfig config = AppConfig.load(new AppDirectories(home), home.resolve("ms5.properties"));
        assertThat(config.demoPlant()).isTrue();
        assertThat(config.embeddedDatabase()).isTrue();
    }

    @Test
    void aTagMapFileNextToTheSettingsMeansARealPlant() throws Exception {
        Path file = write("tagmap.file=plant-tagmap.json\nmachine.id=L2-FILLER\n");
        AppConfig config = AppConfig.load(new AppDirectories(home), file);
        assertThat(config.demoPlant()).isFalse();
        assertThat(config.tagMapFile()).isEqualTo(file.resolveSibling("plant-tagmap.json"));
        assertThat(config.machineId()).isEqualTo("L2-FILLER");
    }

    @Test
    void aNumberThatIsNotOneIsNamedWithItsKey() throws Exception {
        Path file = write("db.embeddedPort=fast\n");
        assertThatThrownBy(() -> AppConfig.load(new AppDirectories(home), file))
                .hasMessageContaining("'db.embeddedPort=fast' is not a positive number");
    }

    @Test
    void aSharedDatabaseIsOneSetting() throws Exception {
        AppConfig config = AppConfig.load(new AppDirectories(home), write("db.url=jdbc:postgresql://dbserver:5432/ms5\n"));
        assertThat(config.embeddedDatabase()).isFalse();
        assertThat(config.dbUser()).isEqualTo("ms5");
        assertThat(config.dbPasswordEnv()).isEqualTo("MS5_DB_PASSWORD");
    }

    @Test
    void aSupervisorStationHasNoSetupAndAnUnknownRoleIsNamed() throws Exception {
        assertThat(AppConfig.load(new AppDirectories(home), home.resolve("none.properties")).engineer()).isTrue();
        assertThat(AppConfig.load(new AppDirectories(home), write("station.role=supervisor\n")).engineer()).isFalse();
        assertThatThrownBy(() -> AppConfig.load(new AppDirectories(home), write("station.role=admin\n")))
                .hasMessageContaining("'station.role=admin' is not a role; use engineer (with the Setup and Rules tabs) or supervisor");
    }

    /** A misspelt key would silently fall back to its default (db.Url= runs an embedded database): it is refused by name. */
    @Test
    void aKeyThatIsNotASettingIsNamedWithTheNearestOne() throws Exception {
        assertThatThrownBy(() -> AppConfig.load(new AppDirectories(home), write("db.Url=jdbc:postgresql://dbserver/ms5\n"
                + "wall.pageSecs=20\ncolour=blue\n")))
                .hasMessageEndingWith("'colour' is not a setting, 'db.Url' is not a setting; did you mean db.url?, "
                        + "'wall.pageSecs' is not a setting; did you mean wall.pageSeconds? (the settings are listed in the "
                        + "README, \"Configuration\")");
    }

    /** One mistyped station must not wipe the plant's history: retention below 3 months, or in fractions, is refused. */
    @Test
    void retentionThatWouldDropRecentHistoryIsRefusedAndTheAuditLogKeepsAtLeastAsLong() throws Exception {
        AppConfig defaults = AppConfig.load(new AppDirectories(home), home.resolve("none.properties"));
        assertThat(defaults.retentionMonths()).isEqualTo(24);
        assertThat(defaults.auditRetentionMonths()).isEqualTo(84);
        assertThatThrownBy(() -> AppConfig.load(new AppDirectories(home), write("db.retentionMonths=0\n")))
                .hasMessageContaining("'db.retentionMonths=0' would drop history older than 0 month(s) from the database "
                        + "at start; use 3 or more");
        assertThatThrownBy(() -> AppConfig.load(new AppDirectories(home), write("db.retentionMonths=0.5\n")))
                .hasMessageContaining("'db.retentionMonths=0.5' is not a whole number of months");
        assertThatThrownBy(() -> AppConfig.load(new AppDirectories(home), write("db.retentionMonths=36\ndb.auditRetentionMonths=12\n")))
                .hasMessageContaining("use 36 or more (the audit log is kept at least as long as the history)");
        AppConfig longer = AppConfig.load(new AppDirectories(home), write("db.retentionMonths=120\n"));
        assertThat(longer.auditRetentionMonths()).isEqualTo(120);
    }

    @Test
    void aTimeScaleOfZeroOrLessIsRefused() throws Exception {
        assertThatThrownBy(() -> AppConfig.load(new AppDirectories(home), write("demo.timeScale=0\n")))
                .hasMessageContaining("'demo.timeScale=0' must be above 0");
        assertThatThrownBy(() -> com.ms5.floor.app.Main.timeScale("-5"))
                .hasMessage("--time-scale=-5 is not a speed; give a number above 0 (1 is real time, 10 ten times faster)");
    }

    private Path write(String text) throws Exception {
        return Files.writeString(home.resolve("ms5.properties"), text);
    }
}
