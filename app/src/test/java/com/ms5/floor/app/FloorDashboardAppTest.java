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
import java.util.concurrent.Callable;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

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
        AppConfig config = AppConfig.load(dirs, dirs.configFile()).withTimeScale(30).withScanPeriod(Duration.ofMillis(250));
        stage = FxToolkit.registerPrimaryStage();
        app = (FloorDashboardApp) FxToolkit.setupApplication(() -> new FloorDashboardApp(config));

        Tile count = onFx(() -> (Tile) stage.getScene().lookup("#totalCountTile"));
        assertThat(count).as("the count tile is on screen").isNotNull();
        Await.until(Duration.ofSeconds(60), "the count tile shows parts", () -> onFx(count::getValue) > 0);
        double first = onFx(count::getValue);
        Await.until(Duration.ofSeconds(30), "the count tile rises", () -> onFx(count::getValue) > first);

        StationRuntime runtime = app.injector().getInstance(StationRuntime.class);
        Await.until(Duration.ofSeconds(60), "the database is open", () -> runtime.repository() != null);
        Await.until(Duration.ofSeconds(60), "two production minutes are stored",
                () -> runtime.repository().minutesSince(VirtualPlant.MACHINE_ID, Instant.EPOCH).size() >= 2);
        List<ProductionMinute> minutes = runtime.repository().minutesSince(VirtualPlant.MACHINE_ID, Instant.EPOCH);
        // the filler makes about 110 parts per plant minute (0.5 s ideal cycle, 92 % speed)
        assertThat(minutes).anySatisfy(m -> assertThat(m.totalCount()).isPositive());
        assertThat(minutes).allSatisfy(m -> assertThat(m.goodCount()).isLessThanOrEqualTo(m.totalCount()));

        // the embedded database keeps its data in the app-data folder
        assertThat(dirs.embeddedDatabaseDir().resolve("PG_VERSION")).exists();
    }

    private static <T> T onFx(Callable<T> query) {
        try {
            return WaitForAsyncUtils.asyncFx(query).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
