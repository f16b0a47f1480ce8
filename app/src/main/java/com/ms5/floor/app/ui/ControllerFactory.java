package com.ms5.floor.app.ui;

import com.google.inject.Injector;
import jakarta.inject.Inject;
import java.util.Set;
import javafx.util.Callback;

/**
 * Creates FXML controllers through Guice, and only the controllers listed here: an FXML file that
 * names any other class (a typo, or a file from elsewhere) fails to load with a clear message
 * instead of instantiating arbitrary classes.
 */
public final class ControllerFactory implements Callback<Class<?>, Object> {
    static final Set<Class<?>> KNOWN_CONTROLLERS = Set.of(
            com.ms5.floor.app.ui.shell.MainView.class,
            com.ms5.floor.app.ui.plant.PlantOverviewView.class,
            com.ms5.floor.app.ui.andon.AndonBoardView.class,
            com.ms5.floor.app.ui.dashboard.DashboardView.class,
            com.ms5.floor.app.ui.diagnostics.DiagnosticsView.class,
            com.ms5.floor.app.ui.audit.AuditView.class,
            com.ms5.floor.app.ui.line.LineDetailView.class,
            com.ms5.floor.app.ui.report.ReportsView.class,
            com.ms5.floor.app.ui.setup.SetupView.class,
            com.ms5.floor.app.ui.setup.MachinePane.class,
            com.ms5.floor.app.ui.setup.RulesView.class,
            com.ms5.floor.app.ui.wall.AndonWallView.class);

    private final Injector injector;

    @Inject
    ControllerFactory(Injector injector) {
        this.injector = injector;
    }

    @Override
    public Object call(Class<?> type) {
        if (!KNOWN_CONTROLLERS.contains(type)) {
            throw new IllegalArgumentException("FXML asked for controller " + type.getName()
                    + ", which is not a known view controller (see ControllerFactory.KNOWN_CONTROLLERS)");
        }
        return injector.getInstance(type);
    }
}
