package com.ms5.floor.app.ui.dashboard;

import com.ms5.floor.analytics.MachineSnapshot;
import com.ms5.floor.app.AppConfig;
import com.ms5.floor.app.runtime.LiveKeys;
import com.ms5.floor.app.runtime.StationStatus;
import com.ms5.floor.app.ui.LiveValueHub;
import com.ms5.floor.plc.api.ConnectionHealth;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * What the dashboard shows, as properties; knows no {@code Node}. Percentages are 0-100 and
 * {@code NaN} while undefined. Updated on the FX thread by the hub while the view is shown.
 */
public final class DashboardViewModel {
    private final LiveValueHub hub;
    private final String machineId;
    private final List<Runnable> subscriptions = new ArrayList<>();

    private final DoubleProperty totalCount = new SimpleDoubleProperty(Double.NaN);
    private final DoubleProperty ratePerMinute = new SimpleDoubleProperty(Double.NaN);
    private final DoubleProperty oeePercent = new SimpleDoubleProperty(Double.NaN);
    private final DoubleProperty availabilityPercent = new SimpleDoubleProperty(Double.NaN);
    private final DoubleProperty performancePercent = new SimpleDoubleProperty(Double.NaN);
    private final DoubleProperty qualityPercent = new SimpleDoubleProperty(Double.NaN);
    private final ObjectProperty<MachineSnapshot.RunState> state = new SimpleObjectProperty<>(MachineSnapshot.RunState.UNKNOWN);
    private final ObjectProperty<ConnectionHealth.State> plcState = new SimpleObjectProperty<>(ConnectionHealth.State.CONNECTING);
    private final StringProperty plcProblem = new SimpleStringProperty("");
    private final StringProperty source = new SimpleStringProperty("");
    private final StringProperty database = new SimpleStringProperty("");
    private final BooleanProperty databaseOk = new SimpleBooleanProperty(true);

    @Inject
    public DashboardViewModel(LiveValueHub hub, AppConfig config) {
        this.hub = hub;
        this.machineId = config.machineId();
    }

    /** Starts taking live values; the view calls it when it is shown. */
    public void activate() {
        subscriptions.add(hub.<MachineSnapshot>subscribe(LiveKeys.machine(machineId), this::show));
        subscriptions.add(hub.<ConnectionHealth>subscribe(LiveKeys.PLC_HEALTH, this::show));
        subscriptions.add(hub.<StationStatus>subscribe(LiveKeys.STATION, this::show));
    }

    /** Stops taking live values; the view calls it when it leaves the screen. */
    public void deactivate() {
        subscriptions.forEach(Runnable::run);
        subscriptions.clear();
    }

    void show(MachineSnapshot s) {
        totalCount.set(s.totalCount());
        ratePerMinute.set(s.ratePerMinute());
        oeePercent.set(s.oee() * 100);
        availabilityPercent.set(s.availability() * 100);
        performancePercent.set(s.performance() * 100);
        qualityPercent.set(s.quality() * 100);
        state.set(s.state());
    }

    void show(ConnectionHealth health) {
        plcState.set(health.state());
        plcProblem.set(health.state() == ConnectionHealth.State.CONNECTED || health.lastError() == null ? "" : health.lastError());
    }

    void show(StationStatus status) {
        source.set(status.source());
        database.set(status.database());
        databaseOk.set(status.databaseOk());
    }

    public String machineId() {
        return machineId;
    }

    public DoubleProperty totalCountProperty() {
        return totalCount;
    }

    public DoubleProperty ratePerMinuteProperty() {
        return ratePerMinute;
    }

    public DoubleProperty oeePercentProperty() {
        return oeePercent;
    }

    public DoubleProperty availabilityPercentProperty() {
        return availabilityPercent;
    }

    public DoubleProperty performancePercentProperty() {
        return performancePercent;
    }

    public DoubleProperty qualityPercentProperty() {
        return qualityPercent;
    }

    public ObjectProperty<MachineSnapshot.RunState> stateProperty() {
        return state;
    }

    public ObjectProperty<ConnectionHealth.State> plcStateProperty() {
        return plcState;
    }

    public StringProperty plcProblemProperty() {
        return plcProblem;
    }

    public StringProperty sourceProperty() {
        return source;
    }

    public StringProperty databaseProperty() {
        return database;
    }

    public BooleanProperty databaseOkProperty() {
        return databaseOk;
    }
}
