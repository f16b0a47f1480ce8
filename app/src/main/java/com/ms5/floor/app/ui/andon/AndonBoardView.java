package com.ms5.floor.app.ui.andon;

import com.ms5.floor.app.base.Messages;
import com.ms5.floor.analytics.andon.AlarmState;
import com.ms5.floor.analytics.andon.AndonCall;
import com.ms5.floor.app.ui.ViewModel;
import com.ms5.floor.app.ui.StateLook;
import com.ms5.floor.app.base.TimeText;
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
import javafx.scene.control.TextField;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.collections.FXCollections;

/**
 * Controller of AndonBoardView.fxml: the open calls, by priority then age, with elapsed time and
 * escalation level; unacknowledged ones are marked; a person acknowledges, resolves or shelves
 * (with a reason, for a time) the selected call. The change goes to every station through the
 * database off the FX thread; the answer (or who was first) comes back here.
 */
public final class AndonBoardView {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final AndonBoardViewModel model;
    private final Clock clock;

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
    @FXML private Button resolveButton;
    @FXML private Button shelveButton;
    @FXML private Label message;

    @Inject
    AndonBoardView(AndonBoardViewModel model, Clock clock) {
        this.model = model;
        this.clock = clock;
    }

    @FXML
    private void initialize() {
        typeColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(StateLook.callSymbol(c.getValue().type().id()) + " "
                + c.getValue().type().label() + (c.getValue().occurrences() > 1 ? " x" + c.getValue().occurrences() : "")));
        lineColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(model.name(c.getValue().lineId())));
        machineColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(model.name(c.getValue().machineId())
                + (c.getValue().machines().size() > 1 ? " +" + (c.getValue().machines().size() - 1) : "")));
        raisedColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(
                TIME.format(c.getValue().raisedAt().atZone(ZoneId.systemDefault()))));
        elapsedColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(TimeText.elapsed(c.getValue().age(clock.instant()))));
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
        for (Button button : List.of(acknowledgeButton, resolveButton, shelveButton)) {
            button.disableProperty().bind(calls.getSelectionModel().selectedItemProperty().isNull());
        }
        message.textProperty().bind(model.messageProperty());
        model.board().addListener((javafx.collections.ListChangeListener<AndonCall>) change -> show(model.board()));
        ViewModel.bind(calls, model);
    }

    /** The board anew, the selected call still selected. */
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
        selected().ifPresent(model::acknowledge);
    }

    @FXML
    private void resolve() {
        selected().ifPresent(model::resolve);
    }

    /** Asks why and for how long; the reason is what every other station sees. */
    @FXML
    private void shelve() {
        AndonCall call = calls.getSelectionModel().getSelectedItem();
        if (call == null) {
            return;
        }
        Dialog<ButtonType> ask = new Dialog<>();
        ask.initOwner(calls.getScene().getWindow());
        ask.setTitle(resources.getString("andon.shelve"));
        ask.setHeaderText(String.format(resources.getString("andon.shelveHeader"), call.type().label(), call.machineId()));
        TextField reason = new TextField();
        reason.setId("shelveReason");
        reason.setPromptText(resources.getString("andon.shelveReason"));
        ComboBox<Duration> length = new ComboBox<>(FXCollections.observableArrayList(
                Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(8)));
        length.setId("shelveLength");
        length.setValue(Duration.ofMinutes(30));
        length.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Duration d) {
                return d == null ? "" : d.toHours() >= 1 ? Messages.format("andon.hours", d.toHours()) : Messages.format("andon.minutes", d.toMinutes());
            }

            @Override
            public Duration fromString(String text) {
                return null;
            }
        });
        ask.getDialogPane().setContent(new VBox(8, reason, new HBox(8, new Label(resources.getString("andon.shelveFor")), length)));
        ask.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        ask.getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(reason.textProperty().isEmpty());
        ask.getDialogPane().getStyleClass().add("shelve-dialog");
        Platform.runLater(reason::requestFocus);
        ask.showAndWait().filter(ButtonType.OK::equals).ifPresent(ok -> model.shelve(call, reason.getText(), length.getValue()));
    }

    /** Lists the shelved calls (read off the FX thread); the one chosen goes back on every board. */
    @FXML
    private void showShelved() {
        model.shelvedCalls().thenAccept(shelved -> {
            Dialog<ButtonType> ask = new Dialog<>();
            ask.initOwner(calls.getScene().getWindow());
            ask.setTitle(resources.getString("andon.shelvedTitle"));
            ask.setHeaderText(resources.getString(shelved.isEmpty() ? "andon.noneShelved" : "andon.shelvedHeader"));
            javafx.scene.control.ListView<AndonCall> list = new javafx.scene.control.ListView<>(
                    FXCollections.observableArrayList(shelved));
            list.setId("shelvedList");
            list.setPrefSize(720, 220);
            java.time.format.DateTimeFormatter until = java.time.format.DateTimeFormatter.ofPattern("HH:mm")
                    .withZone(java.time.ZoneId.systemDefault());
            list.setCellFactory(view -> new javafx.scene.control.ListCell<>() {
                @Override
                protected void updateItem(AndonCall call, boolean empty) {
                    super.updateItem(call, empty);
                    setText(empty || call == null ? null : String.format(resources.getString("andon.shelvedRow"),
                            call.type().label(), model.name(call.machineId()), model.name(call.lineId()),
                            call.shelveReason(), call.shelvedBy(), until.format(call.shelvedUntil())));
                }
            });
            ButtonType unshelve = new ButtonType(resources.getString("andon.unshelve"), ButtonBar.ButtonData.OK_DONE);
            ask.getDialogPane().setContent(list);
            ask.getDialogPane().getButtonTypes().addAll(unshelve, ButtonType.CLOSE);
            ask.getDialogPane().lookupButton(unshelve).disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
            ask.getDialogPane().getStyleClass().add("shelved-dialog");
            ask.showAndWait().filter(unshelve::equals).ifPresent(ok -> {
                model.unshelve(list.getSelectionModel().getSelectedItem());
            });
        });
    }

    private java.util.Optional<AndonCall> selected() {
        return java.util.Optional.ofNullable(calls.getSelectionModel().getSelectedItem());
    }
}
