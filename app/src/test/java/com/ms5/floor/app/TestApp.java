package com.ms5.floor.app;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.concurrent.TimeoutException;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/** The base of tests that run the real app on TestFX's primary stage, in a data folder of their own. */
abstract class TestApp {
    @TempDir
    Path home;
    FloorDashboardApp app;
    Stage stage;

    @AfterEach
    void closeApp() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
    }

    /**
     * The demo in {@code home}, 30x from 07:00 plant time: in the early shift, with no break for the
     * minutes a test needs, so minutes close in seconds.
     */
    AppConfig demoAt30x() throws IOException {
        AppDirectories dirs = new AppDirectories(home);
        return AppConfig.load(dirs, dirs.configFile()).withTimeScale(30).withDemoStartTime(LocalTime.of(7, 0));
    }

    /** Starts the app on the primary stage (registered first); {@link #closeApp} closes it. */
    void start(AppConfig config) throws TimeoutException {
        FxToolkit.registerPrimaryStage();
        app = (FloorDashboardApp) FxToolkit.setupApplication(() -> new FloorDashboardApp(config));
        stage = FxToolkit.toolkitContext().getRegisteredStage();
    }
}
