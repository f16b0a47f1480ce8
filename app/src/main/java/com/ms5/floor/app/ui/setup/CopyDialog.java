package com.ms5.floor.app.ui.setup;

import com.ms5.floor.app.base.Messages;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** Asks where to copy a machine's bindings and which address prefix to replace ("L1_Filler" by "L2_Filler"). */
final class CopyDialog {
    record Copy(String target, String fromPrefix, String toPrefix) {
    }

    private CopyDialog() {
    }

    static Optional<Copy> ask(Window owner, String from, List<String> targets, String fromPrefix,
                              UnaryOperator<String> prefixOf) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(Messages.get("copy.title"));
        dialog.setHeaderText(Messages.format("copy.header", from));
        ComboBox<String> target = new ComboBox<>();
        target.getItems().setAll(targets);
        target.setId("copyTarget");
        TextField replace = new TextField(fromPrefix);
        replace.setId("copyFrom");
        TextField with = new TextField();
        with.setId("copyTo");
        target.setOnAction(e -> with.setText(target.getValue() == null ? "" : prefixOf.apply(target.getValue())));
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        form.addRow(0, new Label(Messages.get("copy.to")), target);
        form.addRow(1, new Label(Messages.get("copy.replace")), replace);
        form.addRow(2, new Label(Messages.get("copy.with")), with);
        dialog.getDialogPane().setContent(form);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(target.valueProperty().isNull());
        return dialog.showAndWait().filter(b -> b == ButtonType.OK)
                .map(b -> new Copy(target.getValue(), replace.getText().strip(), with.getText().strip()));
    }
}
