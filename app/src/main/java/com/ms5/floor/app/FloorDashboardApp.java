package com.ms5.floor.app;

import com.ms5.floor.app.base.AppConfig;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.ms5.floor.app.runtime.StationLifecycle;
import com.ms5.floor.app.ui.FxmlViews;
import com.ms5.floor.app.ui.DialogService;
import com.ms5.floor.app.ui.FrameDrain;
import com.ms5.floor.app.ui.notify.Notifier;
import com.ms5.floor.app.ui.shell.MainView;
import com.ms5.floor.app.ui.wall.AndonWallView;
import javafx.scene.input.KeyCombination;
import java.util.Objects;
import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.control.TabPane;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The JavaFX application: builds the one injector, shows the dashboard, and shuts down in order. */
public final class FloorDashboardApp extends Application {
    private static final Logger log = LoggerFactory.getLogger(FloorDashboardApp.class);
    private static volatile AppConfig launchConfig;

    private final AppConfig config;
    private Injector injector;
    private boolean stopped;
    /** Closes the station when the system ends the app; let go of once the window has closed it. */
    private final Thread shutdownHook = new Thread(this::closeStation, "station-shutdown");

    /** Used by {@link Application#launch}: takes the configuration {@link Main} read. */
    public FloorDashboardApp() {
        this(Objects.requireNonNull(launchConfig, "start the app through Main"));
    }

    public FloorDashboardApp(AppConfig config) {
        this.config = config;
    }

    static void launch(AppConfig config, String[] args) {
        launchConfig = config;
        Application.launch(FloorDashboardApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        injector = Guice.createInjector(new AppModule(config));
        FatalErrorHandler.install(config.directories().logDir().resolve("ms5.log").toString(),
                injector.getInstance(DialogService.class));
        injector.getInstance(FrameDrain.class).start();
        injector.getInstance(StationLifecycle.class).start();
        // Ended by the system (SIGTERM: logout, shutdown, a service stop) rather than its window: the
        // station still closes in order, so no event waits in the journal and the embedded server stops.
        Runtime.getRuntime().addShutdownHook(shutdownHook);

        Parent root = injector.getInstance(FxmlViews.class).load(config.wall() ? AndonWallView.class : MainView.class);
        String view = getParameters() == null ? null : getParameters().getNamed().get("view");
        if (view != null && root.lookup("#tabs") instanceof TabPane tabs) { // --view=plant|line|...|rules: the view to open on
            tabs.getTabs().stream().filter(tab -> (view + "Tab").equals(tab.getId())).findFirst()
                    .ifPresent(tab -> tabs.getSelectionModel().select(tab));
        }
        Scene scene = new Scene(root, 1600, 900);
        scene.getStylesheets().add(Objects.requireNonNull(
                FloorDashboardApp.class.getResource("/ms5/themes/control-room.css"), "theme missing").toExternalForm());
        stage.setTitle("MS5 Floor Dashboard");
        stage.setScene(scene);
        // A control-room screen shows the dashboard and nothing else: fill the screen, also
        // where no window manager honours "maximized".
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        stage.setX(screen.getMinX());
        stage.setY(screen.getMinY());
        stage.setWidth(screen.getWidth());
        stage.setHeight(screen.getHeight());
        if (config.wall()) {
            // Unattended: full screen (no window chrome), no "press Esc" hint, and no key that leaves it.
            stage.setFullScreenExitHint("");
            stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
            stage.setFullScreen(true);
        } else {
            stage.setMaximized(true);
        }
        stage.show();
        log.info("{} shown ({}), {} ms after start", config.wall() ? "Andon wall" : "Dashboard",
                config.demoPlant() ? "demo plant" : config.tagMapFile(), com.ms5.floor.app.base.StartupTimes.sinceJvmStart());
    }

    /** Closing the window ends here: stop polling, flush, stop the database. */
    @Override
    public void stop() {
        if (injector == null) {
            return;
        }
        // Notification popups go first: exiting with one open has crashed the JVM under GTK (STACK.md).
        new java.util.ArrayList<>(javafx.stage.Window.getWindows()).stream()
                .filter(w -> w instanceof javafx.stage.PopupWindow).forEach(javafx.stage.Window::hide);
        injector.getInstance(Notifier.class).close();
        injector.getInstance(FrameDrain.class).stop();
        closeStation();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook); // nothing left for it to do
        } catch (IllegalStateException e) {
            // the JVM is already shutting down
        }
    }

    /**
     * Stops polling, writes the last events to the database and stops it, once: from {@link #stop()},
     * or from the shutdown hook when the system ends the app (logout, shutdown, a service stop).
     */
    private synchronized void closeStation() {
        if (stopped) {
            return;
        }
        stopped = true;
        long started = System.nanoTime();
        injector.getInstance(StationLifecycle.class).close();
        log.info("Shut down in {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    /** The injector, for tests and benchmarks that look inside the running app. */
    public Injector injector() {
        return injector;
    }
}
