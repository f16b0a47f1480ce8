package com.ms5.floor.app;

import com.ms5.floor.app.base.AppConfig;
import com.ms5.floor.app.base.AppDirectories;
import com.ms5.floor.app.runtime.TestStation;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import javafx.stage.Window;
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

    /** The running app's station services. */
    TestStation station() {
        return TestStation.in(app.injector());
    }

    /** Selects the tab with this id ({@code setupTab}), as a click on it would. */
    void selectTab(String id) {
        Fx.run(() -> {
            TabPane tabs = (TabPane) stage.getScene().lookup("#tabs");
            tabs.getSelectionModel().select(tabs.getTabs().stream().filter(tab -> id.equals(tab.getId())).findFirst()
                    .orElseThrow());
        });
    }

    /** The text of the shown label with this CSS selector (an id: {@code #status}), or null while there is none. */
    String label(String selector) {
        return Fx.get(() -> stage.getScene().lookup(selector) instanceof Label l ? l.getText() : null);
    }

    Button button(String selector) {
        return (Button) stage.getScene().lookup(selector);
    }

    /** The open dialog whose title or header starts with the text, or null. */
    static DialogPane dialog(String titleOrHeaderStart) {
        return Window.getWindows().stream().filter(w -> w.getScene() != null && w.getScene().getRoot() instanceof DialogPane)
                .map(w -> (DialogPane) w.getScene().getRoot())
                .filter(p -> ((Stage) p.getScene().getWindow()).getTitle().startsWith(titleOrHeaderStart)
                        || String.valueOf(p.getHeaderText()).startsWith(titleOrHeaderStart))
                .findFirst().orElse(null);
    }
}
