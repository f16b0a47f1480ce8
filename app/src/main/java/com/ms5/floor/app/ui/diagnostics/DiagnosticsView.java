package com.ms5.floor.app.ui.diagnostics;

import com.ms5.floor.app.model.StationInfo;
import com.ms5.floor.app.persistence.StationRepository;
import com.ms5.floor.app.model.StationDiagnostics;
import com.ms5.floor.app.model.StationResources;
import com.ms5.floor.app.ui.ViewModel;
import com.ms5.floor.plc.api.ConnectionHealth;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ResourceBundle;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * Controller of DiagnosticsView.fxml: this station's database and journal, who polls each PLC
 * connection and how it answers, and every station the database knows. Shown data comes from
 * its view model, refreshed every 2 s by the station.
 */
public final class DiagnosticsView {
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("EEE d MMM HH:mm").withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final DiagnosticsViewModel model;

    @FXML private ResourceBundle resources;
    @FXML private Label station;
    @FXML private Label storage;
    @FXML private Label resourcesLine;
    @FXML private Label backups;
    @FXML private Button backUpNow;
    @FXML private Label backupMessage;
    @FXML private Label warnings;
    @FXML private TableView<StationDiagnostics.Connection> connections;
    @FXML private TableColumn<StationDiagnostics.Connection, String> connectionColumn;
    @FXML private TableColumn<StationDiagnostics.Connection, String> urlColumn;
    @FXML private TableColumn<StationDiagnostics.Connection, String> polledByColumn;
    @FXML private TableColumn<StationDiagnostics.Connection, String> healthColumn;
    @FXML private TableView<Row> stations;
    @FXML private TableColumn<Row, String> stationColumn;
    @FXML private TableColumn<Row, String> hostColumn;
    @FXML private TableColumn<Row, String> heardColumn;
    @FXML private TableColumn<Row, String> pollsColumn;
    @FXML private TableColumn<Row, String> waitingColumn;

    /** A station with the time it was last heard of, as of the diagnostics it came with. */
    record Row(StationInfo station, Duration silentFor) {
    }

    @Inject
    DiagnosticsView(DiagnosticsViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        connectionColumn.setCellValueFactory(c -> text(c.getValue().id()));
        urlColumn.setCellValueFactory(c -> text(c.getValue().url()));
        polledByColumn.setCellValueFactory(c -> text(c.getValue().polledBy() == null
                ? resources.getString("diagnostics.nobody") : c.getValue().polledBy()));
        healthColumn.setCellValueFactory(c -> text(health(c.getValue().health())));
        stationColumn.setCellValueFactory(c -> text(c.getValue().station().id()));
        hostColumn.setCellValueFactory(c -> text(c.getValue().station().host()));
        heardColumn.setCellValueFactory(c -> text(c.getValue().silentFor().toSeconds() <= 10
                ? resources.getString("diagnostics.alive")
                : String.format(resources.getString("diagnostics.silent"), TIME.format(c.getValue().station().heartbeatAt()))));
        pollsColumn.setCellValueFactory(c -> text(String.join(", ", c.getValue().station().polls())));
        waitingColumn.setCellValueFactory(c -> text(String.valueOf(c.getValue().station().offlineEvents())));
        model.diagnosticsProperty().addListener((o, old, d) -> show(d));
        backupMessage.textProperty().bind(model.backupMessageProperty());
        backUpNow.disableProperty().bind(model.backingUpProperty());
        ViewModel.bind(connections, model);
    }

    private void show(StationDiagnostics d) {
        station.setText(String.format(resources.getString("diagnostics.thisStation"), d.stationId(), d.status().database()));
        storage.setText(d.backlog().online()
                ? String.format(resources.getString("diagnostics.online"), d.backlog().stored())
                : String.format(resources.getString("diagnostics.offline"), TIME.format(d.backlog().offlineSince()),
                        d.backlog().waiting())
                + (d.backlog().setAside() == 0 ? "" : " " + String.format(resources.getString("diagnostics.setAside"),
                        d.backlog().setAside())));
        storage.getStyleClass().removeAll("state-alarm");
        if (!d.backlog().online() || d.backlog().setAside() > 0) {
            storage.getStyleClass().add("state-alarm");
        }
        showResources(d.resources(), d.at());
        connections.getItems().setAll(d.connections());
        stations.getItems().setAll(d.stations().stream()
                .map(s -> new Row(s, Duration.between(s.heartbeatAt(), d.at()))).toList());
    }

    private void showResources(StationResources r, java.time.Instant at) {
        if (r == null) {
            return;
        }
        resourcesLine.setText(String.format(resources.getString("diagnostics.resources"), r.heapUsed() >> 20,
                r.heapMax() >> 20, r.threads(), size(r.diskFree()), size(r.journalBytes()),
                r.databaseBytes() < 0 ? "–" : size(r.databaseBytes())));
        StationResources.Backups b = r.backups();
        backUpNow.setVisible(b != null);
        backUpNow.setManaged(b != null);
        if (b == null) {
            backups.setText(resources.getString("diagnostics.sharedBackups"));
        } else if (b.newest() == null) {
            backups.setText(String.format(resources.getString("diagnostics.noBackup"), model.dailyBackupAt(), b.folder()));
        } else {
            backups.setText(String.format(resources.getString("diagnostics.lastBackup"), DAY_TIME.format(b.newest()),
                    size(b.newestSize()), b.kept(), model.dailyBackupAt(), b.folder()));
        }
        java.util.List<StationResources.Warning> crossed = r.warnings(at);
        warnings.setText(String.join("\n", crossed.stream().map(w -> w.title() + ": " + w.text()).toList()));
        warnings.setVisible(!crossed.isEmpty());
        warnings.setManaged(!crossed.isEmpty());
    }

    /** A size in bytes as people read it: 340 kB, 12.3 MB, 51.2 GB. */
    static String size(long bytes) {
        if (bytes < 1_000_000) {
            return String.format("%,d kB", Math.round(bytes / 1e3));
        }
        return bytes < 1_000_000_000 ? String.format("%.1f MB", bytes / 1e6) : String.format("%.1f GB", bytes / 1e9);
    }

    @FXML
    private void backUpNow() {
        model.backUpNow();
    }

    private String health(ConnectionHealth h) {
        if (h == null) {
            return resources.getString("diagnostics.elsewhere");
        }
        String text = resources.getString("diagnostics.state." + h.state().name());
        if (h.state() == ConnectionHealth.State.CONNECTED) {
            text += String.format(resources.getString("diagnostics.rate"), h.tags(), h.valuesPerSecond(),
                    h.roundTripP99Millis());
        }
        if (!h.quarantined().isEmpty()) {
            text += String.format(resources.getString("diagnostics.quarantined"), h.quarantined().size());
        }
        if (h.lastError() != null && h.state() != ConnectionHealth.State.CONNECTED) {
            text += " · " + h.lastError();
        }
        return text;
    }

    private static ReadOnlyStringWrapper text(String s) {
        return new ReadOnlyStringWrapper(s);
    }
}
