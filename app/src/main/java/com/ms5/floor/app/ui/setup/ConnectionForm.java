package com.ms5.floor.app.ui.setup;

import com.ms5.floor.app.base.Messages;
import com.ms5.floor.plc.tagmap.Driver;
import com.ms5.floor.plc.tagmap.TagMap;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;

/**
 * The Setup tab's form for one PLC connection: driver, host, port, slot or station, and scan
 * classes, with the connection's problems under it. An edit counts on Enter and when focus leaves.
 */
final class ConnectionForm {
    private final ComboBox<Driver> driver = new ComboBox<>(FXCollections.observableArrayList(Driver.values()));
    private final TextField host = new TextField();
    private final TextField port = new TextField();
    private final TextField slot = new TextField();
    private final TextField scanClasses = new TextField();
    private final Label problem = new Label();

    /** Lays the fields out in {@code form}; {@code edited} runs after each edit. */
    ConnectionForm(GridPane form, Runnable edited) {
        String[] labels = {Messages.get("connection.driver"), Messages.get("connection.host"), Messages.get("connection.port"),
                Messages.get("connection.slot"), Messages.get("connection.scanClasses")};
        Node[] fields = {driver, host, port, slot, scanClasses};
        for (int i = 0; i < labels.length; i++) {
            form.add(new Label(labels[i]), 0, i);
            form.add(fields[i], 1, i);
        }
        host.setId("connectionHost");
        port.setId("connectionPort");
        scanClasses.setPromptText(Messages.get("connection.scanClassesPrompt"));
        scanClasses.setPrefColumnCount(30);
        problem.getStyleClass().add("problem");
        problem.setWrapText(true);
        form.add(problem, 1, labels.length);
        for (Node field : fields) {
            if (field instanceof TextField text) {
                VersionControls.onCommit(text, edited);
            }
        }
        driver.setOnAction(e -> edited.run());
    }

    void show(TagMap.Connection c, String problems) {
        driver.setValue(c.driver());
        host.setText(c.host());
        port.setText(Integer.toString(c.port()));
        slot.setText(Integer.toString(c.slot()));
        scanClasses.setText(EditText.scanClasses(c.scanClasses()));
        problem.setText(problems);
    }

    /** The connection {@code id} as the fields say; IllegalArgumentException naming what is typed wrong. */
    TagMap.Connection read(String id) {
        return new TagMap.Connection(id, driver.getValue(), host.getText().strip(),
                (int) EditText.parse(port.getText(), "port"), (int) EditText.parse(slot.getText(), "slot"),
                EditText.parseScanClasses(scanClasses.getText()));
    }

    void problem(String text) {
        problem.setText(text);
    }
}
