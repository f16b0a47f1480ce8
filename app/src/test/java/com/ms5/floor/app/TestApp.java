package com.ms5.floor.app;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.concurrent.TimeoutException;
import org.testfx.api.FxToolkit;

/** The real app for a test, on TestFX's primary stage. */
final class TestApp {
    private TestApp() {
    }

    /**
     * The demo in {@code home}, 30x from 07:00 plant time: in the early shift, with no break for the
     * minutes a test needs, so minutes close in seconds.
     */
    static AppConfig demoAt30x(Path home) throws IOException {
        AppDirectories dirs = new AppDirectories(home);
        return AppConfig.load(dirs, dirs.configFile()).withTimeScale(30).withDemoStartTime(LocalTime.of(7, 0));
    }

    /** Starts the app on the primary stage (registered first); close it with {@code FxToolkit.cleanupApplication}. */
    static FloorDashboardApp start(AppConfig config) throws TimeoutException {
        FxToolkit.registerPrimaryStage();
        return (FloorDashboardApp) FxToolkit.setupApplication(() -> new FloorDashboardApp(config));
    }
}
