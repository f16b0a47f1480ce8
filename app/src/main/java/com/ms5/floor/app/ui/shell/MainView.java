package com.ms5.floor.app.ui.shell;

import com.ms5.floor.app.base.Messages;
import com.ms5.floor.app.base.AppConfig;
import com.ms5.floor.app.ui.FxmlViews;
import com.ms5.floor.app.ui.Navigation;
import com.ms5.floor.app.ui.line.LineDetailView;
import com.ms5.floor.app.ui.notify.Notifier;
import com.ms5.floor.app.ui.andon.AndonBoardView;
import com.ms5.floor.app.ui.dashboard.DashboardView;
import com.ms5.floor.app.ui.diagnostics.DiagnosticsView;
import com.ms5.floor.app.ui.plant.PlantOverviewView;
import com.ms5.floor.app.ui.report.ReportsView;
import com.ms5.floor.app.ui.setup.RulesView;
import com.ms5.floor.app.ui.setup.SetupView;
import jakarta.inject.Inject;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/**
 * Controller of MainView.fxml: the plant overview, a line in detail, the Andon board, the machine dashboard,
 * shift reports, diagnostics and the audit log as tabs. Only the selected tab's view is in the scene, so only it takes live data; notifications
 * of new calls and outages come whichever tab is open, and a badge over the tab row stays while the database is
 * away or not open yet.
 */
public final class MainView {
    private final FxmlViews views;
    private final Navigation navigation;

    @FXML private TabPane tabs;
    @FXML private Tab plantTab;
    @FXML private Tab lineTab;
    @FXML private Tab andonTab;
    @FXML private Tab machineTab;
    @FXML private Tab reportsTab;
    @FXML private Tab diagnosticsTab;
    @FXML private Tab auditTab;
    @FXML private Tab setupTab;
    @FXML private Tab rulesTab;
    @FXML private javafx.scene.control.Label notStored;
    @FXML private javafx.scene.layout.VBox startupProblem;
    @FXML private javafx.scene.control.Label startupProblemText;
    @FXML private javafx.scene.control.Label startupProblemHint;
    @FXML private java.util.ResourceBundle resources;
    private final javafx.scene.control.Tooltip notStoredInFull = new javafx.scene.control.Tooltip();

    private final AppConfig config;
    private final Notifier notifier;
    private final com.ms5.floor.app.live.LiveValues live;

    @Inject
    MainView(FxmlViews views, Navigation navigation, AppConfig config, Notifier notifier,
             com.ms5.floor.app.live.LiveValues live) {
        this.live = live;
        this.views = views;
        this.navigation = navigation;
        this.config = config;
        this.notifier = notifier;
    }

    @FXML
    private void initialize() {
        attach(plantTab, views.load(PlantOverviewView.class));
        attach(lineTab, views.load(LineDetailView.class));
        attach(andonTab, views.load(AndonBoardView.class));
        navigation.lineProperty().addListener((o, old, line) -> {
            if (line != null) {
                tabs.getSelectionModel().select(lineTab);
            }
        });
        attach(machineTab, views.load(DashboardView.class));
        attach(reportsTab, views.load(ReportsView.class));
        attach(diagnosticsTab, views.load(DiagnosticsView.class));
        attach(auditTab, views.load(com.ms5.floor.app.ui.audit.AuditView.class));
        if (config.engineer()) {
            attach(setupTab, views.load(SetupView.class));
            attach(rulesTab, views.load(RulesView.class));
        } else {
            tabs.getTabs().removeAll(setupTab, rulesTab); // not for this role: not even a disabled tab to wonder about
        }
        notifier.attach(tabs, () -> tabs.getSelectionModel().select(andonTab));
        notStored.setTooltip(notStoredInFull);
        // Whatever tab is open, a person sees that the figures are not being stored (a notification goes by itself).
        live.subscribe(com.ms5.floor.app.live.LiveKeys.STARTUP_PROBLEM, problem -> {
            startupProblemText.setText(problem);
            startupProblemHint.setText(String.format(resources.getString("startup.problemHint"),
                    config.directories().logDir().resolve("ms5.log")));
            startupProblem.setVisible(true);
            notStored.setVisible(false); // the panel says why nothing is stored
            tabs.setDisable(true); // nothing behind it works: no polling, no storing
        });
        live.subscribe(com.ms5.floor.app.live.LiveKeys.STATION, status -> {
            notStored.setText(badgeText(status.database()));
            notStoredInFull.setText(status.database());
            notStored.setVisible(!status.databaseOk() && !startupProblem.isVisible());
        });
    }

    /** The status bar's first sentence, short enough for the tab row: "⚠ Not stored · Offline since 10:42:07, 12 event(s) waiting". */
    static String badgeText(String database) {
        int end = database.indexOf(". ");
        String first = end < 0 ? database.replaceFirst("\\.$", "") : database.substring(0, end);
        return Messages.format("status.notStored", first.length() > 90 ? first.substring(0, 89) + "…" : first);
    }

    private static void attach(Tab tab, Parent view) {
        tab.setContent(tab.isSelected() ? view : null);
        tab.selectedProperty().addListener((o, was, selected) -> tab.setContent(selected ? view : null));
    }
}
