package com.ms5.floor.app.ui.wall;

import com.ms5.floor.analytics.andon.AndonCall;
import com.ms5.floor.app.live.LiveKeys;
import com.ms5.floor.app.live.LiveValues;
import com.ms5.floor.app.model.StationDiagnostics;
import com.ms5.floor.app.model.StationStatus;
import com.ms5.floor.app.runtime.StationPlant;
import com.ms5.floor.app.ui.ViewModel;
import com.ms5.floor.app.ui.plant.PlantOverviewViewModel;
import jakarta.inject.Inject;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/** The Andon wall: the open calls, the lines (as the plant overview has them), and what the badge warns of. */
public final class AndonWallViewModel extends ViewModel {
    private final LiveValues live;
    private final StationPlant plant;
    private final PlantOverviewViewModel lines;
    private final ObjectProperty<List<AndonCall>> board = new SimpleObjectProperty<>(List.of());
    private final ObjectProperty<StationStatus> status = new SimpleObjectProperty<>();
    private final ObjectProperty<StationDiagnostics> diagnostics = new SimpleObjectProperty<>();

    @Inject
    AndonWallViewModel(LiveValues live, StationPlant plant, PlantOverviewViewModel lines) {
        this.live = live;
        this.plant = plant;
        this.lines = lines;
    }

    @Override
    protected void onActivate() {
        lines.activate();
        untilDeactivated(lines::deactivate);
        follow(live, LiveKeys.ANDON_BOARD, board::set);
        follow(live, LiveKeys.STATION, status::set);
        follow(live, LiveKeys.DIAGNOSTICS, diagnostics::set);
    }

    public PlantOverviewViewModel lines() {
        return lines;
    }

    /** The open calls, most urgent first. */
    public ObjectProperty<List<AndonCall>> boardProperty() {
        return board;
    }

    public ObjectProperty<StationStatus> statusProperty() {
        return status;
    }

    public ObjectProperty<StationDiagnostics> diagnosticsProperty() {
        return diagnostics;
    }

    public String name(String id) {
        return plant.name(id);
    }
}
