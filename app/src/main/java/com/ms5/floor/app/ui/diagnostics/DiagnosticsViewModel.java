package com.ms5.floor.app.ui.diagnostics;

import com.ms5.floor.app.live.LiveKeys;
import com.ms5.floor.app.live.LiveValues;
import com.ms5.floor.app.model.StationDiagnostics;
import com.ms5.floor.app.ui.ViewModel;
import jakarta.inject.Inject;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/** The Diagnostics tab: this station's diagnostics as the station publishes them every 2 s, while shown. */
public final class DiagnosticsViewModel extends ViewModel {
    private final LiveValues live;
    private final ObjectProperty<StationDiagnostics> diagnostics = new SimpleObjectProperty<>();

    @Inject
    DiagnosticsViewModel(LiveValues live) {
        this.live = live;
    }

    @Override
    protected void onActivate() {
        follow(live, LiveKeys.DIAGNOSTICS, diagnostics::set);
    }

    /** The latest diagnostics, {@code null} until the first. */
    public ObjectProperty<StationDiagnostics> diagnosticsProperty() {
        return diagnostics;
    }
}
