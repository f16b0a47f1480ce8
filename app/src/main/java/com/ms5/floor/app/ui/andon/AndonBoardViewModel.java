package com.ms5.floor.app.ui.andon;

import com.ms5.floor.analytics.andon.AndonCall;
import com.ms5.floor.app.live.LiveKeys;
import com.ms5.floor.app.live.LiveValues;
import com.ms5.floor.app.runtime.AndonService;
import com.ms5.floor.app.runtime.StationPlant;
import com.ms5.floor.app.ui.ErrorText;
import com.ms5.floor.app.ui.UiExecutor;
import com.ms5.floor.app.ui.ViewModel;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Andon board: the open calls as every station sees them, and what a person does to one. Each
 * action goes to every station through {@link AndonService} off the FX thread; its answer (or who
 * was first) comes back as {@link #messageProperty()}.
 */
public final class AndonBoardViewModel extends ViewModel {
    private final LiveValues live;
    private final AndonService andon;
    private final StationPlant plant;
    private final UiExecutor ui;
    private final ResourceBundle text = com.ms5.floor.app.base.Messages.bundle();
    private final ObservableList<AndonCall> board = FXCollections.observableArrayList();
    private final StringProperty message = new SimpleStringProperty("");

    @Inject
    AndonBoardViewModel(LiveValues live, AndonService andon, StationPlant plant, UiExecutor ui) {
        this.live = live;
        this.andon = andon;
        this.plant = plant;
        this.ui = ui;
    }

    @Override
    protected void onActivate() {
        follow(live, LiveKeys.ANDON_BOARD, board::setAll);
    }

    /** The open calls by priority and age, shelved ones left out. */
    public ObservableList<AndonCall> board() {
        return board;
    }

    /** What the last action came to, in words. */
    public StringProperty messageProperty() {
        return message;
    }

    /** A line's or machine's display name. */
    public String name(String id) {
        return plant.name(id);
    }

    public void acknowledge(AndonCall call) {
        report("andon.acknowledged", andon.acknowledge(call.id(), call.revision()));
    }

    public void resolve(AndonCall call) {
        report("andon.resolved", andon.resolve(call.id(), call.revision()));
    }

    public void shelve(AndonCall call, String reason, Duration length) {
        report("andon.shelved", andon.shelve(call.id(), call.revision(), reason.strip(), length));
    }

    public void unshelve(AndonCall call) {
        report("andon.unshelved", andon.unshelve(call.id(), call.revision()));
    }

    /** The shelved calls, delivered on the FX thread; a failure shows as the message instead. */
    public CompletableFuture<List<AndonCall>> shelvedCalls() {
        return ui.deliver(andon.shelvedCalls()).whenComplete((shelved, error) -> {
            if (error != null) {
                message.set(ErrorText.of(error));
            }
        });
    }

    private void report(String doneKey, CompletableFuture<AndonCall> action) {
        action.whenCompleteAsync((done, error) -> message.set(error == null
                ? String.format(text.getString(doneKey), done.type().label(), done.machineId())
                : ErrorText.of(error)), ui);
    }
}
