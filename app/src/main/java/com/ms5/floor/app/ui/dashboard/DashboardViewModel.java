package com.ms5.floor.app.ui.dashboard;

import com.ms5.floor.analytics.state.MachineState;
import com.ms5.floor.app.base.AppConfig;
import com.ms5.floor.app.live.LiveKeys;
import com.ms5.floor.app.live.LiveValues;
import com.ms5.floor.app.model.MachineFigures;
import com.ms5.floor.app.model.StationDiagnostics;
import com.ms5.floor.app.model.StationStatus;
import com.ms5.floor.app.runtime.ConfigService;
import com.ms5.floor.app.ui.ViewModel;
import com.ms5.floor.plc.api.ConnectionHealth;
import com.ms5.floor.plc.tagmap.TagMap;
import jakarta.inject.Inject;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The Machine tab: one machine ({@code machine.id}) as analytics works it out for every view (ISO
 * 22400-2 over the shift so far), and the health of the PLC connection it is read through.
 * Percentages are 0-100 and {@code NaN} while undefined.
 */
public final class DashboardViewModel extends ViewModel {
    private final LiveValues live;
    private final ConfigService configuration;
    private final String machineId;

    private final DoubleProperty totalCount = new SimpleDoubleProperty(Double.NaN);
    private final DoubleProperty ratePerMinute = new SimpleDoubleProperty(Double.NaN);
    private final DoubleProperty oeePercent = new SimpleDoubleProperty(Double.NaN);
    private final DoubleProperty availabilityPercent = new SimpleDoubleProperty(Double.NaN);
    private final DoubleProperty performancePercent = new SimpleDoubleProperty(Double.NaN);
    private final DoubleProperty qualityPercent = new SimpleDoubleProperty(Double.NaN);
    private final ObjectProperty<MachineState> state = new SimpleObjectProperty<>(MachineState.UNKNOWN);
    private final ObjectProperty<ConnectionHealth.State> plcState = new SimpleObjectProperty<>(ConnectionHealth.State.CONNECTING);
    private final StringProperty plcProblem = new SimpleStringProperty("");
    private final StringProperty title = new SimpleStringProperty("");
    /** The figures behind the percentages, for a person who clicks one; null until the first. */
    private final ObjectProperty<MachineFigures> figures = new SimpleObjectProperty<>();
    private final StringProperty source = new SimpleStringProperty("");
    private final StringProperty database = new SimpleStringProperty("");
    private final BooleanProperty databaseOk = new SimpleBooleanProperty(true);

    @Inject
    public DashboardViewModel(LiveValues live, ConfigService configuration, AppConfig config) {
        this.live = live;
        this.configuration = configuration;
        this.machineId = config.machineId();
        this.title.set(machineId);
    }

    @Override
    protected void onActivate() {
        follow(live, LiveKeys.machine(machineId), this::show);
        follow(live, LiveKeys.DIAGNOSTICS, this::show);
        follow(live, LiveKeys.STATION, this::show);
    }

    void show(MachineFigures m) {
        title.set(m.name() + " · " + m.id());
        totalCount.set(m.oee().totalCount());
        ratePerMinute.set(m.ratePerMinute());
        oeePercent.set(m.oee().oee() * 100);
        availabilityPercent.set(m.oee().availability() * 100);
        performancePercent.set(m.oee().performance() * 100);
        qualityPercent.set(m.oee().quality() * 100);
        state.set(m.state());
        figures.set(m);
    }

    /** The health of the connection the machine is read through, if this station polls it. */
    void show(StationDiagnostics d) {
        String connection = configuration.tagMap().machine(machineId).map(TagMap.Machine::connection).orElse(null);
        d.connections().stream().filter(c -> c.id().equals(connection) && c.health() != null).findFirst()
                .ifPresent(c -> show(c.health()));
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

    /** The machine's name and id ("Filler · L1-FILLER"); its id until analytics has named it. */
    public ObjectProperty<MachineFigures> figuresProperty() {
        return figures;
    }

    public StringProperty titleProperty() {
        return title;
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

    public ObjectProperty<MachineState> stateProperty() {
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
