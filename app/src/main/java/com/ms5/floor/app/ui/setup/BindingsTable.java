package com.ms5.floor.app.ui.setup;

import com.ms5.floor.app.base.Messages;
import com.ms5.floor.app.ui.TextColumn;

import com.ms5.floor.plc.api.Role;
import com.ms5.floor.plc.tagmap.DataType;
import com.ms5.floor.plc.tagmap.TagMap;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.cell.ComboBoxTableCell;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.util.converter.DefaultStringConverter;

/**
 * The Setup tab's table of one machine's tag bindings: a column per field, each edited in place
 * (role and type from a list, the rest as text read by {@link EditText}), the test-read value,
 * and the row's problem, rows with one marked.
 */
final class BindingsTable {
    private BindingsTable() {
    }

    /** One binding as the table shows it, with its place in the machine and its problem. */
    record Row(int index, TagMap.Binding binding, String problem) {
    }

    /** Applies an edit of one row's binding to the document (or says why not). */
    interface Edit {
        void apply(Row row, UnaryOperator<TagMap.Binding> change);
    }

    static void columns(TableView<Row> bindings, ObservableList<String> scanClasses, Edit edit,
                        Function<Row, String> reading) {
        TableColumn<Row, Role> role = new TableColumn<>(Messages.get("l5x.role"));
        role.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().binding().role()));
        role.setCellFactory(ComboBoxTableCell.forTableColumn(Role.values()));
        role.setOnEditCommit(e -> edit.apply(e.getRowValue(), b -> new TagMap.Binding(e.getNewValue(),
                e.getNewValue() == Role.CUSTOM ? (b.name() == null ? TagMapEditorModel.customName(b.address().isEmpty()
                        ? "Value" : b.address()) : b.name()) : null, b.address(), b.type(), b.scaling(), b.deadband(), b.scanClass())));
        TableColumn<Row, String> name = textColumn(edit, Messages.get("bindings.name"), b -> b.name() == null ? "" : b.name(),
                (b, v) -> new TagMap.Binding(b.role(), v.isBlank() ? null : v.strip(), b.address(), b.type(), b.scaling(),
                        b.deadband(), b.scanClass()));
        TableColumn<Row, String> address = textColumn(edit, Messages.get("l5x.address"), TagMap.Binding::address,
                (b, v) -> new TagMap.Binding(b.role(), b.name(), v.strip(), b.type(), b.scaling(), b.deadband(), b.scanClass()));
        address.setPrefWidth(260);
        TableColumn<Row, DataType> type = new TableColumn<>(Messages.get("l5x.type"));
        type.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().binding().type()));
        type.setCellFactory(ComboBoxTableCell.forTableColumn(DataType.values()));
        type.setOnEditCommit(e -> edit.apply(e.getRowValue(), b -> new TagMap.Binding(b.role(), b.name(), b.address(),
                e.getNewValue(), b.scaling(), b.deadband(), b.scanClass())));
        TableColumn<Row, String> scan = new TableColumn<>(Messages.get("bindings.scanClass"));
        scan.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().binding().scanClass()));
        scan.setCellFactory(ComboBoxTableCell.forTableColumn(new DefaultStringConverter(), scanClasses));
        scan.setOnEditCommit(e -> edit.apply(e.getRowValue(), b -> new TagMap.Binding(b.role(), b.name(), b.address(), b.type(),
                b.scaling(), b.deadband(), e.getNewValue())));
        TableColumn<Row, String> deadband = textColumn(edit, Messages.get("bindings.deadband"), b -> EditText.number(b.deadband()), (b, v) ->
                new TagMap.Binding(b.role(), b.name(), b.address(), b.type(), b.scaling(), EditText.parse(v, Messages.get("edit.deadband")), b.scanClass()));
        TableColumn<Row, String> scaling = textColumn(edit, Messages.get("bindings.scaling"), b -> EditText.scaling(b.scaling()),
                (b, v) -> new TagMap.Binding(b.role(), b.name(), b.address(), b.type(), EditText.parseScaling(v), b.deadband(),
                        b.scanClass()));
        scaling.setPrefWidth(170);
        TableColumn<Row, String> value = TextColumn.of(Messages.get("bindings.testRead"), reading, 160);
        TableColumn<Row, String> problem = TextColumn.of(Messages.get("l5x.problem"), r -> r.problem() == null ? "" : r.problem(), 420);
        role.setPrefWidth(130);
        scan.setPrefWidth(100);
        deadband.setPrefWidth(90);
        bindings.getColumns().setAll(List.of(role, name, address, type, scan, deadband, scaling, value, problem));
        bindings.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(Row row, boolean empty) {
                super.updateItem(row, empty);
                pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("problem"), !empty && row != null
                        && row.problem() != null);
            }
        });
    }

    private interface TextEdit {
        TagMap.Binding apply(TagMap.Binding binding, String text);
    }

    private static TableColumn<Row, String> textColumn(Edit edit, String title, Function<TagMap.Binding, String> get,
                                                       TextEdit set) {
        TableColumn<Row, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(get.apply(c.getValue().binding())));
        column.setCellFactory(TextFieldTableCell.forTableColumn());
        column.setOnEditCommit(e -> edit.apply(e.getRowValue(), b -> set.apply(b, e.getNewValue())));
        return column;
    }
}
