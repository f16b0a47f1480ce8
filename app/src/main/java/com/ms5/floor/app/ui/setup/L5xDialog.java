package com.ms5.floor.app.ui.setup;

import com.ms5.floor.app.base.Messages;
import com.ms5.floor.app.ui.TextColumn;

import com.ms5.floor.plc.api.Role;
import com.ms5.floor.plc.tagmap.L5xImport;
import com.ms5.floor.plc.tagmap.TagMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.transformation.FilteredList;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.CheckBoxTableCell;
import javafx.scene.control.cell.ComboBoxTableCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The preview of an L5X import: every value the file holds, the ones PLC4X cannot read with the
 * reason, a role suggested from each name; the engineer ticks what to bind to the machine.
 */
final class L5xDialog {
    record Choice(List<L5xImport.Row> rows, Map<L5xImport.Row, Role> roles, String scanClass) {
    }

    /** A row with what the engineer chose for it. */
    static final class Item {
        final L5xImport.Row row;
        final SimpleBooleanProperty chosen = new SimpleBooleanProperty();
        final SimpleObjectProperty<Role> role;

        Item(L5xImport.Row row, boolean chosen) {
            this.row = row;
            this.role = new SimpleObjectProperty<>(row.suggestedRole());
            this.chosen.set(chosen);
            this.chosen.addListener((o, was, now) -> {
                if (now && !row.readable()) {
                    this.chosen.set(false); // it cannot be read: the problem column says why
                }
            });
        }
    }

    private L5xDialog() {
    }

    static Optional<Choice> ask(Window owner, String file, L5xImport.Result result, TagMap.Machine machine,
                                List<String> scanClasses) {
        Set<Role> bound = machine.bindings().stream().map(TagMap.Binding::role).collect(Collectors.toSet());
        List<Item> items = result.rows().stream().map(r -> new Item(r, r.readable() && r.suggestedRole() != Role.CUSTOM
                && !bound.contains(r.suggestedRole()))).toList();
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(Messages.format("l5x.title", file, machine.name()));
        dialog.setHeaderText(Messages.format("l5x.header", result.controller(), result.processor(), result.rows().size(),
                result.readableCount(), result.rows().size() - result.readableCount(), machine.name()));
        TextField filter = new TextField();
        filter.setPromptText(Messages.get("l5x.filter"));
        filter.setId("l5xFilter");
        FilteredList<Item> shown = new FilteredList<>(FXCollections.observableArrayList(items));
        filter.textProperty().addListener((o, old, text) -> {
            String wanted = text.toLowerCase(Locale.ROOT);
            shown.setPredicate(i -> wanted.isBlank() || i.row.address().toLowerCase(Locale.ROOT).contains(wanted)
                    || i.row.description().toLowerCase(Locale.ROOT).contains(wanted));
        });
        TableView<Item> table = new TableView<>(shown);
        table.setId("l5xRows");
        table.setEditable(true);
        TableColumn<Item, Boolean> take = new TableColumn<>(Messages.get("l5x.bind"));
        take.setCellValueFactory(c -> c.getValue().chosen);
        take.setCellFactory(CheckBoxTableCell.forTableColumn(take));
        take.setPrefWidth(50);
        TableColumn<Item, Role> role = new TableColumn<>(Messages.get("l5x.role"));
        role.setCellValueFactory(c -> c.getValue().role);
        role.setCellFactory(ComboBoxTableCell.forTableColumn(Role.values()));
        role.setPrefWidth(120);
        table.getColumns().setAll(List.of(take, role, TextColumn.<Item>of(Messages.get("l5x.address"), i -> i.row.address(), 240),
                TextColumn.of(Messages.get("l5x.type"), i -> i.row.type() == null ? "?" : i.row.type().name(), 70),
                TextColumn.of(Messages.get("l5x.scope"), i -> i.row.scope(), 130), TextColumn.of(Messages.get("l5x.description"), i -> i.row.description(), 200),
                TextColumn.of(Messages.get("l5x.problem"), i -> i.row.problem() == null ? "" : i.row.problem(), 420)));
        table.setPrefSize(1200, 520);
        ComboBox<String> scan = new ComboBox<>(FXCollections.observableArrayList(scanClasses));
        scan.getSelectionModel().selectFirst();
        VBox content = new VBox(8, filter, table, new HBox(8, new Label(Messages.get("l5x.scanClass")), scan));
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        return dialog.showAndWait().filter(b -> b == ButtonType.OK).map(b -> {
            List<Item> chosen = items.stream().filter(i -> i.chosen.get()).toList();
            return new Choice(chosen.stream().map(i -> i.row).toList(),
                    chosen.stream().collect(Collectors.toMap(i -> i.row, i -> i.role.get(), (a, c) -> a)), scan.getValue());
        });
    }
}
