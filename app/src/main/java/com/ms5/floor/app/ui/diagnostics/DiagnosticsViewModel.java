package com.ms5.floor.app.ui.diagnostics;

import com.ms5.floor.app.base.AppConfig;
import com.ms5.floor.app.live.LiveKeys;
import com.ms5.floor.app.live.LiveValues;
import com.ms5.floor.app.model.StationDiagnostics;
import com.ms5.floor.app.runtime.DatabaseUpkeep;
import com.ms5.floor.app.ui.ErrorText;
import com.ms5.floor.app.ui.UiExecutor;
import com.ms5.floor.app.ui.ViewModel;
import jakarta.inject.Inject;
import java.time.LocalTime;
import java.util.ResourceBundle;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The Diagnostics tab: this station's diagnostics as the station publishes them every 2 s, while
 * shown, and "Back up now" for the embedded database.
 */
public final class DiagnosticsViewModel extends ViewModel {
    private final LiveValues live;
    private final DatabaseUpkeep upkeep;
    private final UiExecutor ui;
    private final AppConfig config;
    private final ResourceBundle text = com.ms5.floor.app.base.Messages.bundle();
    private final ObjectProperty<StationDiagnostics> diagnostics = new SimpleObjectProperty<>();
    private final StringProperty backupMessage = new SimpleStringProperty("");
    private final BooleanProperty backingUp = new SimpleBooleanProperty();

    @Inject
    DiagnosticsViewModel(LiveValues live, DatabaseUpkeep upkeep, UiExecutor ui, AppConfig config) {
        this.live = live;
        this.upkeep = upkeep;
        this.ui = ui;
        this.config = config;
    }

    @Override
    protected void onActivate() {
        follow(live, LiveKeys.DIAGNOSTICS, diagnostics::set);
    }

    /** The latest diagnostics, {@code null} until the first. */
    public ObjectProperty<StationDiagnostics> diagnosticsProperty() {
        return diagnostics;
    }

    /** Backs the embedded database up now; {@link #backupMessageProperty()} says how it went. */
    public void backUpNow() {
        backingUp.set(true);
        backupMessage.set(text.getString("diagnostics.backingUp"));
        upkeep.backUpNow().whenCompleteAsync((made, error) -> {
            backingUp.set(false);
            backupMessage.set(error != null
                    ? String.format(text.getString("diagnostics.backupFailed"), ErrorText.of(error))
                    : String.format(text.getString("diagnostics.backedUp"), made.file(), DiagnosticsView.size(made.bytes())));
        }, ui);
    }

    /** What the last "Back up now" did, or is doing; empty before the first. */
    public StringProperty backupMessageProperty() {
        return backupMessage;
    }

    /** While a backup asked for here runs (the button waits). */
    public BooleanProperty backingUpProperty() {
        return backingUp;
    }

    /** The time of day the daily backup runs. */
    LocalTime dailyBackupAt() {
        return config.backups().at();
    }
}
