package com.ms5.floor.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.ms5.floor.app.base.AppConfig;
import com.ms5.floor.app.base.AppDirectories;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalTime;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;

/**
 * The real app on a shared PostgreSQL that goes away: whatever tab is open, a badge over the tab
 * row says since when nothing is stored and how much waits in the journal, for as long as it lasts
 * (a notification alone goes by itself after a few seconds).
 */
class NotStoredBadgeTest extends TestApp {
    @Test
    void whileTheDatabaseIsAwayEveryTabSaysSinceWhenNothingIsStored() throws Exception {
        EmbeddedPostgres server = EmbeddedPostgres.builder().start();
        try {
            Files.writeString(home.resolve("ms5.properties"), String.join("\n",
                    "db.url=jdbc:postgresql://127.0.0.1:" + server.getPort() + "/postgres", "db.user=postgres", ""));
            AppDirectories dirs = new AppDirectories(home);
            start(AppConfig.load(dirs, dirs.configFile()).withTimeScale(30).withDemoStartTime(LocalTime.of(7, 0)));
            Await.until(Duration.ofSeconds(60), "the database open and no badge", () -> station().repository() != null
                    && Fx.get(() -> !badge().isVisible()));

            server.close();
            server = null;
            Await.until(Duration.ofSeconds(30), "the badge says since when nothing is stored", () -> Fx.get(() ->
                    badge().isVisible() && badge().getText().matches(
                            "⚠ Not stored · Offline since \\d\\d:\\d\\d:\\d\\d, \\d+ event\\(s\\) waiting in the journal")));
            for (String tab : java.util.List.of("lineTab", "andonTab", "diagnosticsTab")) {
                selectTab(tab);
                assertThat(Fx.get(() -> badge().isVisible() && badge().getWidth() > 100 && badge().getLayoutY() < 40))
                        .as("shown over the tab row on " + tab).isTrue();
            }
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    private Label badge() {
        return (Label) stage.getScene().lookup("#notStoredBadge");
    }
}
