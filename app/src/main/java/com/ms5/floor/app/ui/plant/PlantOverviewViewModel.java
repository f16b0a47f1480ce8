package com.ms5.floor.app.ui.plant;

import com.ms5.floor.app.live.LiveKeys;
import com.ms5.floor.app.live.LiveValues;
import com.ms5.floor.app.model.LineStatus;
import com.ms5.floor.app.ui.ViewModel;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The lines of the plant overview (and the wall's lines page), kept current while shown. */
public final class PlantOverviewViewModel extends ViewModel {
    private final LiveValues live;
    private final ObservableList<LineStatus> lines = FXCollections.observableArrayList();
    private final Map<String, Runnable> lineSubscriptions = new LinkedHashMap<>();

    @Inject
    public PlantOverviewViewModel(LiveValues live) {
        this.live = live;
    }

    @Override
    protected void onActivate() {
        follow(live, LiveKeys.LINES, this::showLines);
    }

    @Override
    protected void onDeactivate() {
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
            lineSubscriptions.put(id, live.subscribe(LiveKeys.line(id), this::show));
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
