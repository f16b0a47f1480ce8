package com.ms5.floor.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ms5.floor.plc.api.TagBinding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
        assertThat(config.scanPeriod()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aRealPlcNeedsItsThreeTags() throws Exception {
        Path file = write("plc.url=logix://10.20.0.5?slot=0\ntag.totalCount=Filler_Total:DINT\ntag.goodCount=Filler_Good:DINT\n");
        assertThatThrownBy(() -> AppConfig.load(new AppDirectories(home), file))
                .hasMessageContaining("'tag.state' is missing")
                .hasMessageContaining(file.toString());

        Files.writeString(file, "tag.state=Filler_State:DINT\n", java.nio.file.StandardOpenOption.APPEND);
        AppConfig config = AppConfig.load(new AppDirectories(home), file);
        assertThat(config.demoPlant()).isFalse();
        assertThat(config.bindings()).contains(new TagBinding("state", "Filler_State:DINT"));
    }

    @Test
    void aNumberThatIsNotOneIsNamedWithItsKey() throws Exception {
        Path file = write("plc.scanMillis=fast\n");
        assertThatThrownBy(() -> AppConfig.load(new AppDirectories(home), file))
                .hasMessageContaining("'plc.scanMillis=fast' is not a positive number");
    }

    @Test
    void aSharedDatabaseIsOneSetting() throws Exception {
        AppConfig config = AppConfig.load(new AppDirectories(home), write("db.url=jdbc:postgresql://dbserver:5432/ms5\n"));
        assertThat(config.embeddedDatabase()).isFalse();
        assertThat(config.dbUser()).isEqualTo("ms5");
        assertThat(config.dbPasswordEnv()).isEqualTo("MS5_DB_PASSWORD");
    }

    private Path write(String text) throws Exception {
        return Files.writeString(home.resolve("ms5.properties"), text);
    }
}
