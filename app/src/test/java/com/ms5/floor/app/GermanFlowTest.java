package com.ms5.floor.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.ms5.floor.app.base.AppConfig;
import com.ms5.floor.app.base.AppDirectories;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The real app with {@code ui.language=de}: tabs, cards, the status bar and the Diagnostics tab speak German. */
class GermanFlowTest extends TestApp {
    private final Locale before = Locale.getDefault();

    @AfterEach
    void englishAgain() {
        Locale.setDefault(before);
    }

    @Test
    void theControlRoomSpeaksGermanWhenTheSettingsSaySo() throws Exception {
        AppDirectories dirs = new AppDirectories(home);
        Files.writeString(dirs.configFile(), "ui.language=de\n");
        AppConfig config = AppConfig.load(dirs, dirs.configFile()).withTimeScale(30).withDemoStartTime(java.time.LocalTime.of(7, 0));
        Main.useLanguage(config);
        start(config);

        List<String> tabs = Fx.get(() -> ((TabPane) stage.getScene().lookup("#tabs")).getTabs().stream().map(Tab::getText).toList());
        assertThat(tabs).startsWith("Werk", "Linie", "Andon", "Maschine").contains("Diagnose", "Berichte", "Einrichtung", "Regeln");
        Await.until(Duration.ofSeconds(60), "a Plant card counting parts in German", () -> Fx.get(() ->
                stage.getScene().getRoot().lookupAll(".label").stream().map(n -> ((javafx.scene.control.Label) n).getText())
                        .anyMatch(t -> t != null && t.matches("[\\d.]+ gut · [\\d.]+ Ausschuss"))));

        selectTab("diagnosticsTab");
        Await.until(Duration.ofSeconds(60), "the Diagnostics tab in German", () ->
                String.valueOf(label(".diagnostics-storage")).startsWith("Datenbank online: jedes Ereignis wird gespeichert")
                        && String.valueOf(label(".diagnostics-resources")).startsWith("Speicher "));
        assertThat(Fx.get(() -> button("#backUpNow").getText())).isEqualTo("Jetzt sichern");
        assertThat(label(".diagnostics-station")).contains("Datenbank: eingebettetes PostgreSQL auf Port");
    }
}
