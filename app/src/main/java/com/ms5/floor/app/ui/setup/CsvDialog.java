package com.ms5.floor.app.ui.setup;

import com.ms5.floor.app.base.Messages;
import com.ms5.floor.app.ui.TextColumn;

import com.ms5.floor.plc.tagmap.BindingCsv;
import java.util.List;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.TableView;
import javafx.stage.Window;

/** Shows every row of a CSV import with its problems; it can be applied only when no row has one. */
final class CsvDialog {
    private CsvDialog() {
    }

    static boolean confirm(Window owner, String file, List<BindingCsv.Row> rows) {
        long bad = rows.stream().filter(r -> !r.ok()).count();
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(Messages.format("csv.title", file));
        dialog.setHeaderText(bad == 0
                ? Messages.format("csv.good", rows.size()) : Messages.format("csv.bad", bad, rows.size()));
        TableView<BindingCsv.Row> table = new TableView<>();
        table.setId("csvRows");
        table.getColumns().setAll(List.<javafx.scene.control.TableColumn<BindingCsv.Row, ?>>of(
                TextColumn.of(Messages.get("csv.line"), r -> Integer.toString(r.line()), 50),
                TextColumn.of(Messages.get("csv.machine"), BindingCsv.Row::machineId, 110),
                TextColumn.of(Messages.get("csv.role"), r -> r.binding() == null ? "" : String.valueOf(r.binding().role()), 110),
                TextColumn.of(Messages.get("csv.address"), r -> r.binding() == null ? "" : r.binding().address(), 220),
                TextColumn.of(Messages.get("csv.problem"), r -> String.join("; ", r.problems()), 420)));
        table.getItems().setAll(rows);
        table.setPrefSize(940, 420);
        dialog.getDialogPane().setContent(table);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(ButtonType.OK).setDisable(bad > 0 || rows.isEmpty());
        return dialog.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
    }
}
