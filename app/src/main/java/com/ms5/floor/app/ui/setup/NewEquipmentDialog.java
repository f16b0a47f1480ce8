package com.ms5.floor.app.ui.setup;

import com.ms5.floor.app.base.Messages;
import com.ms5.floor.plc.tagmap.Driver;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/**
 * Asks for a new PLC connection, line or machine: its id (fixed once saved, since history is kept
 * under it), and its name, driver and host, or line and connection. OK stays disabled while the id
 * is malformed or taken, and the dialog says which.
 */
final class NewEquipmentDialog {
    enum Kind { CONNECTION, LINE, MACHINE }

    /** What was asked for; the fields a kind does not have are null. */
    record NewEquipment(Kind kind, String id, String name, Driver driver, String host, String line, String connection) {
    }

    private NewEquipmentDialog() {
    }

    /** An id nobody uses yet: {@code stem} followed by the first free number. */
    static String freeId(String stem, Set<String> used) {
        int n = 1;
        while (used.contains(stem + n)) {
            n++;
        }
        return stem + n;
    }

    /** The problem with an id, or null: letters, digits, '-' and '_', not used by other equipment. */
    static String idProblem(String id, Set<String> used) {
        if (!id.matches("[A-Za-z0-9][A-Za-z0-9_-]*")) {
            return Messages.get("equipment.badId");
        }
        return used.contains(id) ? Messages.format("equipment.usedId", id) : null;
    }

    static Optional<NewEquipment> ask(Window owner, Kind kind, Set<String> used, List<String> lines,
                                      List<String> connections, String selectedLine) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(Messages.get("equipment.title." + kind.name()));
        dialog.setHeaderText(Messages.get("equipment.header." + kind.name()));
        TextField id = new TextField(freeId(switch (kind) {
            case CONNECTION -> "plc-";
            case LINE -> "L";
            case MACHINE -> (selectedLine == null ? "M" : selectedLine) + "-M";
        }, used));
        id.setId("newId");
        TextField name = new TextField();
        name.setId("newName");
        ComboBox<Driver> driver = new ComboBox<>(FXCollections.observableArrayList(Driver.values()));
        driver.setId("newDriver");
        driver.setValue(Driver.LOGIX);
        TextField host = new TextField();
        host.setId("newHost");
        host.setPromptText("192.168.1.10");
        ComboBox<String> line = new ComboBox<>(FXCollections.observableArrayList(lines));
        line.setId("newLine");
        line.setValue(selectedLine != null ? selectedLine : lines.isEmpty() ? null : lines.get(0));
        ComboBox<String> connection = new ComboBox<>(FXCollections.observableArrayList(connections));
        connection.setId("newConnection");
        connection.setValue(connections.isEmpty() ? null : connections.get(0));
        Label problem = new Label();
        problem.setId("newProblem");
        problem.getStyleClass().add("problem");
        problem.setWrapText(true);

        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        form.addRow(0, new Label(Messages.get("equipment.id")), id);
        switch (kind) {
            case CONNECTION -> {
                form.addRow(1, new Label(Messages.get("connection.driver")), driver);
                form.addRow(2, new Label(Messages.get("connection.host")), host);
            }
            case LINE -> form.addRow(1, new Label(Messages.get("equipment.name")), name);
            case MACHINE -> {
                form.addRow(1, new Label(Messages.get("equipment.name")), name);
                form.addRow(2, new Label(Messages.get("equipment.line")), line);
                form.addRow(3, new Label(Messages.get("equipment.connection")), connection);
            }
        }
        form.add(problem, 0, 4, 2, 1);
        dialog.getDialogPane().setContent(form);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        problem.textProperty().bind(Bindings.createStringBinding(() -> {
            String idProblem = idProblem(id.getText().strip(), used);
            if (idProblem != null) {
                return idProblem;
            }
            if (kind == Kind.MACHINE && (line.getValue() == null || connection.getValue() == null)) {
                return Messages.get("equipment.needsLine");
            }
            return "";
        }, id.textProperty(), line.valueProperty(), connection.valueProperty()));
        dialog.getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(problem.textProperty().isNotEmpty());
        return dialog.showAndWait().filter(b -> b == ButtonType.OK).map(b -> {
            String chosenId = id.getText().strip();
            String chosenName = name.getText().isBlank() ? chosenId : name.getText().strip();
            return switch (kind) {
                case CONNECTION -> new NewEquipment(kind, chosenId, null, driver.getValue(), host.getText().strip(), null, null);
                case LINE -> new NewEquipment(kind, chosenId, chosenName, null, null, null, null);
                case MACHINE -> new NewEquipment(kind, chosenId, chosenName, null, null, line.getValue(), connection.getValue());
            };
        });
    }
}
