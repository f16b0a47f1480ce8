package com.ms5.floor.app.ui.andon;

import com.ms5.floor.analytics.andon.AlarmState;
import com.ms5.floor.analytics.andon.AndonCall;
import com.ms5.floor.app.runtime.LiveKeys;
import com.ms5.floor.app.runtime.StationRuntime;
import com.ms5.floor.app.ui.LiveValueHub;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.ResourceBundle;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * Controller of AndonBoardView.fxml: the open calls, by priority then age, with elapsed time and
 * escalation level; unacknowledged ones are marked; a person acknowledges the selected call.
 * Acknowledging runs on the analytics thread; the answer (or who was first) comes back here.
 */
public final class AndonBoardView {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final LiveValueHub hub;
    private final StationRuntime station;
    private final Clock clock;
    private Runnable subscription;

    @FXML private ResourceBundle resources;
    @FXML private TableView<AndonCall> calls;
    @FXML private TableColumn<AndonCall, String> typeColumn;
    @FXML private TableColumn<AndonCall, String> lineColumn;
    @FXML private TableColumn<AndonCall, String> machineColumn;
    @FXML private TableColumn<AndonCall, String> raisedColumn;
    @FXML private TableColumn<AndonCall, String> elapsedColumn;
    @FXML private TableColumn<AndonCall, Number> levelColumn;
    @FXML private TableColumn<AndonCall, AlarmState> stateColumn;
    @FXML private Button acknowledgeButton;
    @FXML private Label message;

    @Inject
    AndonBoardView(LiveValueHub hub, StationRuntime station, Clock clock) {
        this.hub = hub;
        this.station = station;
        this.clock = clock;
    }

    @FXML
    private void initialize() {
        typeColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().type().label()
                + (c.getValue().occurrences() > 1 ? " x" + c.getValue().occurrences() : "")));
        lineColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().lineId()));
        machineColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().machineId()
                + (c.getValue().machines().size() > 1 ? " +" + (c.getValue().machines().size() - 1) : "")));
        raisedColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(
                TIME.format(c.getValue().raisedAt().atZone(ZoneId.systemDefault()))));
        elapsedColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(elapsed(c.getValue().age(clock.instant()))));
        levelColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().level()));
        stateColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().state()));
        stateColumn.setCellFactory(column -> new TableCell<>() {
            @Override
            protected void updateItem(AlarmState state, boolean empty) {
                super.updateItem(state, empty);
                getStyleClass().remove("state-alarm");
                if (empty || state == null) {
                    setText(null);
                    return;
                }
                boolean waiting = state == AlarmState.UNACK_ACTIVE || state == AlarmState.RTN_UNACK;
                setText((waiting ? "\u25B2 " : "\u25CF ") + resources.getString("andon.state." + state.name()));
                if (waiting) {
                    getStyleClass().add("state-alarm");
                }
            }
        });
        acknowledgeButton.disableProperty().bind(calls.getSelectionModel().selectedItemProperty().isNull());
        calls.sceneProperty().addListener((o, old, scene) -> {
            if (scene != null) {
                subscription = hub.<List<AndonCall>>subscribe(LiveKeys.ANDON_BOARD, this::show);
            } else if (subscription != null) {
                subscription.run();
            }
        });
    }

    private void show(List<AndonCall> board) {
        AndonCall selected = calls.getSelectionModel().getSelectedItem();
        calls.getItems().setAll(board);
        if (selected != null) {
            board.stream().filter(c -> c.id().equals(selected.id())).findFirst()
                    .ifPresent(c -> calls.getSelectionModel().select(c));
        }
    }

    @FXML
    private void acknowledge() {
        AndonCall call = calls.getSelectionModel().getSelectedItem();
        if (call == null || station.analytics() == null) {
            return;
        }
        String who = System.getProperty("user.name");
        station.acknowledge(call.id(), call.revision(), who).whenComplete((done, error) -> Platform.runLater(() ->
                message.setText(error == null
                        ? String.format(resources.getString("andon.acknowledged"), done.type().label(), done.machineId())
                        : error.getCause() != null ? error.getCause().getMessage() : error.getMessage())));
    }

    private static String elapsed(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format("%d:%02d", s / 60, s % 60);
    }
}
