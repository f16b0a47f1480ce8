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

    private Path write(String text) throws Exception {
        return Files.writeString(home.resolve("ms5.properties"), text);
    }
}
