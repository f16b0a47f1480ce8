package com.ms5.floor.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.ms5.floor.analytics.ProductionMinute;
import com.ms5.floor.app.runtime.StationRuntime;
import com.ms5.floor.plc.virtual.VirtualPlant;
import eu.hansolo.tilesfx.Tile;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javafx.scene.control.DialogPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/**
 * The real app, headless (Monocle): virtual PLC over real TCP through PLC4X, the embedded
 * PostgreSQL, Flyway and Hibernate, TilesFX on screen. The plant runs 30x faster than real time
 * so that minutes close in seconds.
 */
class FloorDashboardAppTest {
    @TempDir
    Path home;
    private FloorDashboardApp app;
    private Stage stage;

    @AfterEach
    void closeApp() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
    }

    @Test
    void countTileRisesLiveAndProductionMinutesReachPostgres() throws Exception {
        AppDirectories dirs = new AppDirectories(home);
        // 30x from 07:00 plant time: in the early shift, no break for the minutes the test needs
        AppConfig config = AppConfig.load(dirs, dirs.configFile()).withTimeScale(30)
                .withDemoStartTime(java.time.LocalTime.of(7, 0));
        stage = FxToolkit.registerPrimaryStage();
        app = (FloorDashboardApp) FxToolkit.setupApplication(() -> new FloorDashboardApp(config));

        Tile count = Fx.get(() -> (Tile) stage.getScene().lookup("#totalCountTile"));
        assertThat(count).as("the count tile is on screen").isNotNull();
        Await.until(Duration.ofSeconds(60), "the count tile shows parts", () -> Fx.get(count::getValue) > 0);
        double first = Fx.get(count::getValue);
        Await.until(Duration.ofSeconds(30), "the count tile rises", () -> Fx.get(count::getValue) > first);

        StationRuntime runtime = app.injector().getInstance(StationRuntime.class);
        Await.until(Duration.ofSeconds(60), "the database is open", () -> runtime.repository() != null);
        Await.until(Duration.ofSeconds(60), "two production minutes are stored",
                () -> runtime.repository().minutesSince(VirtualPlant.MACHINE_ID, Instant.EPOCH).size() >= 2);
        List<ProductionMinute> minutes = runtime.repository().minutesSince(VirtualPlant.MACHINE_ID, Instant.EPOCH);
        assertThat(minutes).anySatisfy(m -> assertThat(m.totalCount()).isPositive());
        assertThat(minutes).allSatisfy(m -> assertThat(m.goodCount()).isLessThanOrEqualTo(m.totalCount()));

        // the embedded database keeps its data in the app-data folder
        assertThat(dirs.embeddedDatabaseDir().resolve("PG_VERSION")).exists();
    }

    @Test
    void anUnexpectedErrorIsShownInADialogAndTheDashboardKeepsRunning() throws Exception {
        AppDirectories dirs = new AppDirectories(home);
        AppConfig config = AppConfig.load(dirs, dirs.configFile());
        stage = FxToolkit.registerPrimaryStage();
        app = (FloorDashboardApp) FxToolkit.setupApplication(() -> new FloorDashboardApp(config));

        javafx.application.Platform.runLater(() -> {
            throw new IllegalStateException("tile factory exploded");
        });

        Await.until(Duration.ofSeconds(30), "an error dialog opens", () -> errorDialog() != null);
        DialogPane dialog = errorDialog();
        assertThat(Fx.get(dialog::getHeaderText)).contains("IllegalStateException: tile factory exploded");
        assertThat(Fx.get(dialog::getContentText)).contains(dirs.logDir().resolve("ms5.log").toString());
        assertThat(Fx.get(stage::isShowing)).as("the dashboard is still up").isTrue();
        Fx.run(() -> ((Stage) dialog.getScene().getWindow()).close());
    }

    private static DialogPane errorDialog() {
        return Fx.get(() -> Window.getWindows().stream()
                .filter(w -> w.getScene() != null && w.getScene().getRoot() instanceof DialogPane)
                .map(w -> (DialogPane) w.getScene().getRoot())
                .findFirst().orElse(null));
    }

}
