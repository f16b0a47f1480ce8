package com.ms5.floor.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.ms5.floor.app.persistence.EmbeddedBackup;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The Diagnostics tab on the real app: what the station uses of its computer, and "Back up now",
 * which writes a backup of the embedded database into the backup folder and says so.
 */
class BackupFlowTest extends TestApp {
    @Test
    void backUpNowWritesABackupAndTheTabShowsIt() throws Exception {
        start(demoAt30x());
        selectTab("diagnosticsTab");
        // the database's size once it is open ("–" before)
        Await.until(Duration.ofSeconds(60), "the computer's figures with the database's size, and no backup yet", () ->
                String.valueOf(label(".diagnostics-resources")).matches("Memory [\\d,]+ of [\\d,]+ MB · \\d+ threads · "
                        + "[\\d.]+ [kMG]B free for the data folder · journal .+ · database \\d+\\.\\d MB")
                        && String.valueOf(label(".diagnostics-backups")).startsWith("No backup yet: the first is taken at 02:30 daily"),
                () -> label(".diagnostics-resources"));

        Await.until(Duration.ofSeconds(60), "the database open", () -> station().calls() != null);
        Fx.run(() -> button("#backUpNow").fire());
        Await.until(Duration.ofSeconds(60), "the backup made", () -> String.valueOf(label("#backupMessage"))
                .startsWith("Backed up to " + home.resolve("backups")), () -> label("#backupMessage"));
        assertThat(EmbeddedBackup.list(home.resolve("backups"))).hasSize(1);
        Await.until(Duration.ofSeconds(10), "the tab naming it", () -> String.valueOf(label(".diagnostics-backups"))
                .matches("Last backup .+ \\(\\d+\\.\\d MB\\), 1 kept; the next at 02:30 daily, in .+"));
        assertThat(Fx.get(() -> button("#backUpNow").isDisabled())).isFalse();
    }
}
