package com.ms5.floor.app.ui.plant;

import com.ms5.floor.app.runtime.LineStatus;
import com.ms5.floor.app.runtime.LiveKeys;
import com.ms5.floor.app.ui.LiveValueHub;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The lines of the plant overview, kept current by the hub while the view is shown (FX thread). */
public final class PlantOverviewModel {
    private final LiveValueHub hub;
    private final ObservableList<LineStatus> lines = FXCollections.observableArrayList();
    private final Map<String, Runnable> lineSubscriptions = new LinkedHashMap<>();
    private Runnable linesSubscription;

    @Inject
    public PlantOverviewModel(LiveValueHub hub) {
        this.hub = hub;
    }

    public void activate() {
        linesSubscription = hub.<List<String>>subscribe(LiveKeys.LINES, this::showLines);
    }

    public void deactivate() {
        if (linesSubscription != null) {
            linesSubscription.run();
        }
        lineSubscriptions.values().forEach(Runnable::run);
        lineSubscriptions.clear();
    }

    /** One entry per line, in the plant's order. */
    public ObservableList<LineStatus> lines() {
        return lines;
    }

    void showLines(List<String> ids) {
        if (ids.equals(new ArrayList<>(lineSubscriptions.keySet()))) {
            return;
        }
        lineSubscriptions.values().forEach(Runnable::run);
        lineSubscriptions.clear();
        lines.clear();
        for (String id : ids) {
            lineSubscriptions.put(id, hub.<LineStatus>subscribe(LiveKeys.line(id), this::show));
        }
    }

    void show(LineStatus status) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).lineId().equals(status.lineId())) {
                lines.set(i, status);
                return;
            }
        }
        List<String> order = new ArrayList<>(lineSubscriptions.keySet());
        int at = 0;
        while (at < lines.size() && order.indexOf(lines.get(at).lineId()) < order.indexOf(status.lineId())) {
            at++;
        }
        lines.add(at, status);
    }
}
