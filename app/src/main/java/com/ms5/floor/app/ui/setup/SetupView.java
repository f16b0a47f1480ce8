package com.ms5.floor.app.ui.setup;

import com.ms5.floor.app.ui.DialogService;
import com.ms5.floor.app.ui.ViewModel;
import com.ms5.floor.app.ui.ErrorText;
import com.ms5.floor.plc.api.Role;
import com.ms5.floor.plc.poll.ConnectionCheck;
import com.ms5.floor.plc.tagmap.BindingCsv;
import com.ms5.floor.plc.tagmap.DataType;
import com.ms5.floor.plc.tagmap.Driver;
import com.ms5.floor.plc.tagmap.L5xImport;
import com.ms5.floor.plc.tagmap.TagMap;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.control.cell.ComboBoxTableCell;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.util.converter.DefaultStringConverter;

/**
 * Controller of SetupView.fxml, the controls engineer's tab: the equipment tree (PLC connections,
 * lines, machines), a machine's tag bindings in an editable table with each row's problem beside
 * it, test connection and test read, L5X and CSV import with a preview, CSV export, undo/redo, and
 * saving as a new configuration version that every station picks up live. Slow work (PLC, files,
 * database) runs through {@link StationRuntime}, never on the FX thread.
 */
public final class SetupView {
    private final SetupViewModel setup;
    private final DialogService dialogs;
    private TagMapEditorModel model;
    private VersionControls<TagMap> versions;

    @FXML private javafx.scene.layout.BorderPane root;
    @FXML private Label versionLabel;
    @FXML private Label status;
    @FXML private Button undoButton;
    @FXML private Button redoButton;
    @FXML private Button saveButton;
    @FXML private TreeView<Node> equipment;
    @FXML private VBox machinePane;
    @FXML private VBox connectionPane;
    @FXML private VBox linePane;
    @FXML private TextField machineName;
    @FXML private Label machineInfo;
    @FXML private ComboBox<String> machineConnection;
    @FXML private Button removeEquipmentButton;
    @FXML private TextField lineName;
    @FXML private ComboBox<String> bulkScanClass;
    @FXML private TableView<BindingRow> bindings;
    @FXML private ProgressIndicator readProgress;
    @FXML private GridPane connectionForm;
    @FXML private ProgressIndicator connectionProgress;
    @FXML private Label connectionResult;

    private final Map<String, ConnectionCheck.Reading> readings = new HashMap<>();
    private final ComboBox<Driver> driver = new ComboBox<>(FXCollections.observableArrayList(Driver.values()));
    private final TextField host = new TextField();
    private final TextField port = new TextField();
    private final TextField slot = new TextField();
    private final TextField scanClasses = new TextField();
    private final Label connectionProblem = new Label();
    private boolean redrawing;
    /** The machine and line whose names the fields hold: focus can leave a field after the tree moved on. */
    private String namedMachine;
    private String namedLine;

    /** What the tree shows: the plant, a connection, a line or a machine, by id. */
    record Node(String kind, String id, String text) {
        @Override
        public String toString() {
            return text;
        }
    }

    /** One binding as the table shows it, with its place in the machine and its problem. */
    record BindingRow(int index, TagMap.Binding binding, String problem) {
    }

    @Inject
    SetupView(SetupViewModel setup, DialogService dialogs) {
        this.setup = setup;
        this.dialogs = dialogs;
    }

    @FXML
    private void initialize() {
        status.setText("Loading the plant's tag map…");
        versions = new VersionControls<>(setup, versionLabel, status, undoButton, redoButton,
                saveButton);
        equipment.setDisable(true);
        columns();
        bindings.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        equipment.getSelectionModel().selectedItemProperty().addListener((o, old, item) -> show());
        equipment.setCellFactory(tree -> new EquipmentCell());
        VersionControls.onCommit(machineName, this::renameMachine);
        VersionControls.onCommit(lineName, this::renameLine);
        bulkScanClass.setOnAction(e -> bulkScanClass());
        machineConnection.setOnAction(e -> changeMachineConnection());
        connectionFormFields();
        // Files come from the OS file chooser, which tests cannot drive: they hand them to this controller.
        root.getProperties().put(SetupView.class, this);
        setup.editorProperty().addListener((o, old, editor) -> {
            model = editor;
            model.onChange(this::redraw);
            equipment.setDisable(false);
        });
        setup.onLoad(() -> {
            if (status.getText().startsWith("Loading")) {
                status.setText("");
            }
            redraw();
        });
        ViewModel.bind(root, setup);
    }

    /** A tree row; a machine can be dragged onto another machine (to take its place) or onto a line (to end it). */
    private final class EquipmentCell extends javafx.scene.control.TreeCell<Node> {
        private static final javafx.scene.input.DataFormat MACHINE = new javafx.scene.input.DataFormat("application/x-ms5-machine");

        EquipmentCell() {
            setOnDragDetected(e -> {
                if (getItem() != null && getItem().kind().equals("machine")) {
                    javafx.scene.input.Dragboard board = startDragAndDrop(javafx.scene.input.TransferMode.MOVE);
                    board.setContent(Map.of(MACHINE, getItem().id()));
                    e.consume();
                }
            });
            setOnDragOver(e -> {
                if (e.getDragboard().hasContent(MACHINE) && target() != null) {
                    e.acceptTransferModes(javafx.scene.input.TransferMode.MOVE);
                }
                e.consume();
            });
            setOnDragDropped(e -> {
                String[] at = target();
                boolean done = e.getDragboard().hasContent(MACHINE) && at != null;
                if (done) {
                    dropMachine((String) e.getDragboard().getContent(MACHINE), at[0], Integer.parseInt(at[1]));
                }
                e.setDropCompleted(done);
                e.consume();
            });
        }

        /** Where a machine dropped here goes: {line id, index}, or null where it cannot go. */
        private String[] target() {
            Node node = getItem();
            if (node == null || getTreeItem() == null) {
                return null;
            }
            return switch (node.kind()) {
                case "line" -> new String[] {node.id(), String.valueOf(getTreeItem().getChildren().size())};
                case "machine" -> new String[] {getTreeItem().getParent().getValue().id(),
                        String.valueOf(getTreeItem().getParent().getChildren().indexOf(getTreeItem()))};
                default -> null;
            };
        }

        @Override
        protected void updateItem(Node node, boolean empty) {
            super.updateItem(node, empty);
            setText(empty || node == null ? null : node.text());
        }
    }

    /** A machine dropped in the tree before the machine at {@code before} of a line (its size: at the end). */
    public void dropMachine(String machineId, String lineId, int before) {
        List<String> order = model.current().lines().stream().filter(l -> l.id().equals(lineId)).findFirst()
                .map(l -> l.machines().stream().map(TagMap.Machine::id).toList()).orElse(List.of());
        int at = order.indexOf(machineId);
        model.moveMachineTo(machineId, lineId, at >= 0 && at < before ? before - 1 : before);
        status.setText(setup.name(machineId) + " moved; Save makes it count for its line in this order.");
    }

    // ---- drawing

    private void redraw() {
        redrawing = true;
        try {
            TagMap map = model.current();
            Node selected = equipment.getSelectionModel().getSelectedItem() == null ? null
                    : equipment.getSelectionModel().getSelectedItem().getValue();
            TreeItem<Node> root = new TreeItem<>(new Node("plant", "", map.plant()));
            root.setExpanded(true);
            TreeItem<Node> connections = new TreeItem<>(new Node("group", "connections", "PLC connections"));
            connections.setExpanded(true);
            map.connections().forEach(c -> connections.getChildren().add(new TreeItem<>(new Node("connection", c.id(),
                    c.id() + "  (" + c.driver() + " " + c.host() + ")"))));
            root.getChildren().add(connections);
            for (TagMap.Line line : map.lines()) {
                TreeItem<Node> l = new TreeItem<>(new Node("line", line.id(), line.name()));
                l.setExpanded(true);
                line.machines().forEach(m -> l.getChildren().add(new TreeItem<>(new Node("machine", m.id(),
                        m.name() + "  [" + m.id() + "]" + (model.bindingProblems(m.id()).isEmpty() ? "" : "  ⚠")))));
                root.getChildren().add(l);
            }
            equipment.setRoot(root);
            equipment.setShowRoot(true);
            // The machine this station shows is where an engineer usually starts.
            select(root, selected != null ? selected : new Node("machine", setup.shownMachineId(), ""));
            versions.show(model, model.pendingChanges().size(), model.problems().size());
            show();
        } finally {
            redrawing = false;
        }
    }

    private void select(TreeItem<Node> item, Node wanted) {
        for (TreeItem<Node> child : item.getChildren()) {
            if (child.getValue().kind().equals(wanted.kind()) && child.getValue().id().equals(wanted.id())) {
                equipment.getSelectionModel().select(child);
                return;
            }
            select(child, wanted);
        }
    }

    private void show() {
        TreeItem<Node> item = equipment.getSelectionModel().getSelectedItem();
        String kind = item == null ? "" : item.getValue().kind();
        machinePane.setVisible(kind.equals("machine"));
        connectionPane.setVisible(kind.equals("connection"));
        linePane.setVisible(kind.equals("line"));
        removeEquipmentButton.setDisable(!List.of("machine", "connection", "line").contains(kind));
        if (model == null || item == null) {
            return;
        }
        String id = item.getValue().id();
        switch (kind) {
            case "machine" -> showMachine(id);
            case "connection" -> showConnection(id);
            case "line" -> {
                namedLine = id;
                lineName.setText(model.current().lines().stream().filter(l -> l.id().equals(id)).findFirst()
                        .map(TagMap.Line::name).orElse(""));
            }
            default -> { }
        }
    }

    private String machineId() {
        TreeItem<Node> item = equipment.getSelectionModel().getSelectedItem();
        return item != null && item.getValue().kind().equals("machine") ? item.getValue().id() : null;
    }

    private void showMachine(String id) {
        TagMap.Machine m = model.machine(id);
        if (!machineName.isFocused() || !id.equals(namedMachine)) {
            machineName.setText(m.name());
        }
        namedMachine = id;
        machineConnection.getItems().setAll(model.current().connections().stream().map(TagMap.Connection::id).toList());
        machineConnection.setValue(m.connection());
        machineInfo.setText("id " + m.id() + " · " + m.bindings().size() + " tag(s)");
        Map<Integer, String> problems = model.bindingProblems(id);
        List<BindingRow> rows = new ArrayList<>();
        for (int i = 0; i < m.bindings().size(); i++) {
            rows.add(new BindingRow(i, m.bindings().get(i), problems.get(i)));
        }
        List<Integer> selected = List.copyOf(bindings.getSelectionModel().getSelectedIndices());
        bindings.getItems().setAll(rows);
        selected.stream().filter(i -> i < rows.size()).forEach(i -> bindings.getSelectionModel().select(i));
        List<String> scans = model.current().connection(m.connection()).map(c -> c.scanClasses().stream()
                .map(TagMap.ScanClass::name).toList()).orElse(List.of());
        bulkScanClass.getItems().setAll(scans);
    }

    // ---- the bindings table

    private void columns() {
        TableColumn<BindingRow, Role> role = new TableColumn<>("Role");
        role.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().binding().role()));
        role.setCellFactory(ComboBoxTableCell.forTableColumn(Role.values()));
        role.setOnEditCommit(e -> edit(e.getRowValue(), b -> new TagMap.Binding(e.getNewValue(),
                e.getNewValue() == Role.CUSTOM ? (b.name() == null ? TagMapEditorModel.customName(b.address().isEmpty()
                        ? "Value" : b.address()) : b.name()) : null, b.address(), b.type(), b.scaling(), b.deadband(), b.scanClass())));
        TableColumn<BindingRow, String> name = textColumn("Name", b -> b.name() == null ? "" : b.name(),
                (b, v) -> new TagMap.Binding(b.role(), v.isBlank() ? null : v.strip(), b.address(), b.type(), b.scaling(),
                        b.deadband(), b.scanClass()));
        TableColumn<BindingRow, String> address = textColumn("Address", TagMap.Binding::address,
                (b, v) -> new TagMap.Binding(b.role(), b.name(), v.strip(), b.type(), b.scaling(), b.deadband(), b.scanClass()));
        address.setPrefWidth(260);
        TableColumn<BindingRow, DataType> type = new TableColumn<>("Type");
        type.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().binding().type()));
        type.setCellFactory(ComboBoxTableCell.forTableColumn(DataType.values()));
        type.setOnEditCommit(e -> edit(e.getRowValue(), b -> new TagMap.Binding(b.role(), b.name(), b.address(),
                e.getNewValue(), b.scaling(), b.deadband(), b.scanClass())));
        TableColumn<BindingRow, String> scan = new TableColumn<>("Scan class");
        scan.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().binding().scanClass()));
        scan.setCellFactory(ComboBoxTableCell.forTableColumn(new DefaultStringConverter(), bulkScanClass.getItems()));
        scan.setOnEditCommit(e -> edit(e.getRowValue(), b -> new TagMap.Binding(b.role(), b.name(), b.address(), b.type(),
                b.scaling(), b.deadband(), e.getNewValue())));
        TableColumn<BindingRow, String> deadband = textColumn("Deadband", b -> number(b.deadband()), (b, v) ->
                new TagMap.Binding(b.role(), b.name(), b.address(), b.type(), b.scaling(), parse(v, "deadband"), b.scanClass()));
        TableColumn<BindingRow, String> scaling = textColumn("Scaling (raw → eng)", b -> scalingText(b.scaling()),
                (b, v) -> new TagMap.Binding(b.role(), b.name(), b.address(), b.type(), parseScaling(v), b.deadband(),
                        b.scanClass()));
        scaling.setPrefWidth(170);
        TableColumn<BindingRow, String> value = TextColumn.of("Test read", this::reading, 160);
        TableColumn<BindingRow, String> problem = TextColumn.of("Problem", r -> r.problem() == null ? "" : r.problem(), 420);
        role.setPrefWidth(130);
        scan.setPrefWidth(100);
        deadband.setPrefWidth(90);
        bindings.getColumns().setAll(List.of(role, name, address, type, scan, deadband, scaling, value, problem));
        bindings.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(BindingRow row, boolean empty) {
                super.updateItem(row, empty);
                pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("problem"), !empty && row != null
                        && row.problem() != null);
            }
        });
    }

    private interface BindingEdit {
        TagMap.Binding apply(TagMap.Binding binding, String text);
    }

    private TableColumn<BindingRow, String> textColumn(String title, java.util.function.Function<TagMap.Binding, String> get,
                                                       BindingEdit set) {
        TableColumn<BindingRow, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(get.apply(c.getValue().binding())));
        column.setCellFactory(TextFieldTableCell.forTableColumn());
        column.setOnEditCommit(e -> edit(e.getRowValue(), b -> set.apply(b, e.getNewValue())));
        return column;
    }

    private void edit(BindingRow row, java.util.function.UnaryOperator<TagMap.Binding> change) {
        String id = machineId();
        if (id == null) {
            return;
        }
        try {
            model.setBinding(id, row.index(), change.apply(row.binding()));
            status.setText("");
        } catch (IllegalArgumentException e) {
            status.setText(e.getMessage());
            showMachine(id);
        }
    }

    private String reading(BindingRow row) {
        String id = machineId();
        ConnectionCheck.Reading r = id == null ? null : readings.get(row.binding().valueName(id));
        if (r == null) {
            return "";
        }
        return r.value() != null ? r.value().value() + "  (" + r.value().quality() + ")" : "✗ " + r.problem();
    }

    private static String number(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    private static double parse(String text, String what) {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " '" + text + "' is not a number; use a point for decimals (0.5)");
        }
    }

    private static String scalingText(TagMap.Scaling s) {
        return s == null ? "" : number(s.rawLow()) + ".." + number(s.rawHigh()) + " → " + number(s.engLow()) + ".."
                + number(s.engHigh());
    }

    /** "0..27648 → 0..100", or empty for none. */
    private static TagMap.Scaling parseScaling(String text) {
        if (text.isBlank()) {
            return null;
        }
        String[] parts = text.replace("->", "→").split("→");
        String[] raw = parts[0].split("\\.\\.");
        String[] eng = parts.length == 2 ? parts[1].split("\\.\\.") : new String[0];
        if (raw.length != 2 || eng.length != 2) {
            throw new IllegalArgumentException("Scaling '" + text + "' is not rawLow..rawHigh → engLow..engHigh, as in "
                    + "0..27648 → 0..100; leave it empty for none");
        }
        return new TagMap.Scaling(parse(raw[0], "rawLow"), parse(raw[1], "rawHigh"), parse(eng[0], "engLow"),
                parse(eng[1], "engHigh"));
    }

    // ---- machine and line actions

    @FXML
    private void addBinding() {
        String id = machineId();
        if (id != null) {
            model.addBinding(id);
            bindings.getSelectionModel().clearAndSelect(bindings.getItems().size() - 1);
            bindings.scrollTo(bindings.getItems().size() - 1);
        }
    }

    @FXML
    private void removeBindings() {
        String id = machineId();
        if (id != null && !bindings.getSelectionModel().getSelectedIndices().isEmpty()) {
            List<Integer> indexes = bindings.getSelectionModel().getSelectedItems().stream().map(BindingRow::index).toList();
            bindings.getSelectionModel().clearSelection();
            model.removeBindings(id, indexes);
        }
    }

    private void bulkScanClass() {
        String id = machineId();
        String scan = bulkScanClass.getValue();
        if (redrawing || id == null || scan == null) {
            return;
        }
        List<Integer> indexes = bindings.getSelectionModel().getSelectedItems().stream().map(BindingRow::index).toList();
        if (indexes.isEmpty()) {
            status.setText("Select the tags first (Shift or Ctrl + click), then choose their scan class.");
        } else {
            model.setScanClass(id, indexes, scan);
            status.setText(indexes.size() + " tag(s) now scan in '" + scan + "'.");
        }
        Platform.runLater(() -> bulkScanClass.getSelectionModel().clearSelection());
    }

    @FXML
    private void copyTo() {
        String id = machineId();
        if (id == null) {
            return;
        }
        List<String> others = model.current().machines().stream().map(TagMap.Machine::id).filter(m -> !m.equals(id)).toList();
        CopyDialog.ask(bindings.getScene().getWindow(), id, others, model.addressPrefix(id), model::addressPrefix)
                .ifPresent(copy -> {
                    model.copyBindings(id, copy.target(), copy.fromPrefix(), copy.toPrefix());
                    status.setText(model.machine(copy.target()).bindings().size() + " tag(s) copied from " + id + " to "
                            + copy.target() + (copy.fromPrefix().isEmpty() ? "" : ", '" + copy.fromPrefix() + "' replaced by '"
                            + copy.toPrefix() + "'") + ". Check them with Test read before saving.");
                });
    }

    @FXML
    private void addConnection() {
        addEquipment(NewEquipmentDialog.Kind.CONNECTION);
    }

    @FXML
    private void addLine() {
        addEquipment(NewEquipmentDialog.Kind.LINE);
    }

    @FXML
    private void addMachine() {
        addEquipment(NewEquipmentDialog.Kind.MACHINE);
    }

    private void addEquipment(NewEquipmentDialog.Kind kind) {
        TreeItem<Node> item = equipment.getSelectionModel().getSelectedItem();
        String line = item == null ? null : switch (item.getValue().kind()) {
            case "line" -> item.getValue().id();
            case "machine" -> item.getParent().getValue().id();
            default -> null;
        };
        TagMap map = model.current();
        NewEquipmentDialog.ask(equipment.getScene().getWindow(), kind, model.usedIds(),
                map.lines().stream().map(TagMap.Line::id).toList(),
                map.connections().stream().map(TagMap.Connection::id).toList(), line).ifPresent(this::add);
    }

    /** Puts what the new-equipment dialog asked for into the tag map and selects it. */
    private void add(NewEquipmentDialog.NewEquipment e) {
        switch (e.kind()) {
            case CONNECTION -> model.addConnection(e.id(), e.driver(), e.host());
            case LINE -> model.addLine(e.id(), e.name());
            case MACHINE -> model.addMachine(e.line(), e.id(), e.name(), e.connection());
        }
        String kind = e.kind().name().toLowerCase(java.util.Locale.ROOT);
        select(equipment.getRoot(), new Node(kind, e.id(), ""));
        status.setText(switch (e.kind()) {
            case CONNECTION -> "PLC connection " + e.id() + " added: check its port, slot and scan classes, then Test connection.";
            case LINE -> "Line " + e.id() + " added: Add → Machine… gives it machines.";
            case MACHINE -> "Machine " + e.id() + " added to " + e.line() + ": give it tags with Copy to machine… from a "
                    + "machine like it, or Import L5X…, then Save.";
        });
    }

    @FXML
    private void removeEquipment() {
        TreeItem<Node> item = equipment.getSelectionModel().getSelectedItem();
        if (item == null) {
            return;
        }
        Node node = item.getValue();
        String inUse = node.kind().equals("connection") ? model.connectionInUse(node.id()) : null;
        if (inUse != null) {
            status.setText(inUse); // nothing to ask: it cannot go yet
            return;
        }
        String consequence = switch (node.kind()) {
            case "machine" -> "Once saved, " + node.id() + " is no longer polled and no longer counts for its line. "
                    + "Its history stays in the database.";
            case "line" -> "Once saved, line " + node.id() + " and its " + item.getChildren().size() + " machine(s) are no "
                    + "longer polled or shown. Their history stays in the database.";
            case "connection" -> "Once saved, no station connects to " + node.id() + " any more.";
            default -> null;
        };
        if (consequence == null) {
            return;
        }
        if (dialogs.confirm(window(), "Remove " + node.id(), "Remove " + node.text().strip() + "?",
                consequence + " Undo brings it back until then.")) {
            remove(node.kind(), node.id());
        }
    }

    /** Takes a machine, line or connection out of the tag map (after the engineer confirmed). */
    private void remove(String kind, String id) {
        switch (kind) {
            case "machine" -> model.removeMachine(id);
            case "line" -> model.removeLine(id);
            case "connection" -> model.removeConnection(id);
            default -> throw new IllegalArgumentException(kind);
        }
        status.setText(id + " removed; Save makes it so for every station, Undo brings it back.");
    }

    private void changeMachineConnection() {
        String id = machineId();
        String connection = machineConnection.getValue();
        if (!redrawing && id != null && connection != null && !connection.equals(model.machine(id).connection())) {
            model.setMachineConnection(id, connection);
            status.setText(id + " now reads through " + connection + "; its addresses stay as they were: Test read them.");
        }
    }

    @FXML
    private void moveUp() {
        move(-1);
    }

    @FXML
    private void moveDown() {
        move(1);
    }

    private void move(int by) {
        String id = machineId();
        if (id != null) {
            model.moveMachine(id, by);
        }
    }

    private void renameMachine() {
        String name = machineName.getText().strip();
        if (!redrawing && namedMachine != null && !name.isEmpty() && model.current().machine(namedMachine).isPresent()
                && !name.equals(model.machine(namedMachine).name())) {
            model.renameMachine(namedMachine, name);
        }
    }

    private void renameLine() {
        String name = lineName.getText().strip();
        if (!redrawing && namedLine != null && !name.isEmpty() && model.current().lines().stream()
                .anyMatch(l -> l.id().equals(namedLine) && !l.name().equals(name))) {
            model.renameLine(namedLine, name);
        }
    }

    @FXML
    private void undo() {
        model.undo();
    }

    @FXML
    private void redo() {
        model.redo();
    }

    // ---- test read and test connection

    @FXML
    private void testRead() {
        String id = machineId();
        if (id == null) {
            return;
        }
        readProgress.setVisible(true);
        status.setText("Reading " + model.machine(id).bindings().size() + " tag(s) of " + id + " from its PLC…");
        setup.testRead(id).whenComplete((list, error) -> {
            readProgress.setVisible(false);
            if (error != null) {
                status.setText("Test read failed: " + ErrorText.of(error));
                return;
            }
            readings.clear();
            list.forEach(r -> readings.put(r.tag().name(), r));
            long good = list.stream().filter(r -> r.value() != null).count();
            status.setText("Test read of " + id + ": " + good + " of " + list.size() + " tag(s) answered"
                    + (good == list.size() ? "." : "; the others say why in the Test read column."));
            bindings.refresh();
        });
    }

    private void connectionFormFields() {
        String[] labels = {"Driver", "Host (IP address)", "Port", "Slot (Logix) / station (SLC)", "Scan classes"};
        javafx.scene.Node[] fields = {driver, host, port, slot, scanClasses};
        for (int i = 0; i < labels.length; i++) {
            connectionForm.add(new Label(labels[i]), 0, i);
            connectionForm.add(fields[i], 1, i);
        }
        host.setId("connectionHost");
        port.setId("connectionPort");
        scanClasses.setPromptText("fast=100, normal=1000 (names and periods in ms)");
        scanClasses.setPrefColumnCount(30);
        connectionProblem.getStyleClass().add("problem");
        connectionProblem.setWrapText(true);
        connectionForm.add(connectionProblem, 1, labels.length);
        for (javafx.scene.Node field : fields) {
            if (field instanceof TextField text) {
                VersionControls.onCommit(text, this::applyConnection);
            }
        }
        driver.setOnAction(e -> applyConnection());
    }

    private String connectionId() {
        TreeItem<Node> item = equipment.getSelectionModel().getSelectedItem();
        return item != null && item.getValue().kind().equals("connection") ? item.getValue().id() : null;
    }

    private void showConnection(String id) {
        TagMap.Connection c = model.current().connection(id).orElseThrow();
        driver.setValue(c.driver());
        host.setText(c.host());
        port.setText(Integer.toString(c.port()));
        slot.setText(Integer.toString(c.slot()));
        scanClasses.setText(c.scanClasses().stream().map(s -> s.name() + "=" + s.periodMillis())
                .collect(Collectors.joining(", ")));
        String prefix = "connections[" + model.current().connections().indexOf(c) + "]";
        connectionProblem.setText(model.problems().stream().filter(p -> p.path().startsWith(prefix))
                .map(p -> p.path().substring(prefix.length() + 1) + ": " + p.message()).collect(Collectors.joining("\n")));
    }

    private void applyConnection() {
        String id = connectionId();
        if (redrawing || id == null) {
            return;
        }
        try {
            List<TagMap.ScanClass> scans = new ArrayList<>();
            for (String part : scanClasses.getText().split(",")) {
                if (part.isBlank()) {
                    continue;
                }
                String[] nameAndPeriod = part.split("=");
                if (nameAndPeriod.length != 2) {
                    throw new IllegalArgumentException("Scan class '" + part.strip() + "' is not name=milliseconds, as in fast=100");
                }
                scans.add(new TagMap.ScanClass(nameAndPeriod[0].strip(), (long) parse(nameAndPeriod[1], "the period of "
                        + nameAndPeriod[0].strip())));
            }
            model.setConnection(new TagMap.Connection(id, driver.getValue(), host.getText().strip(),
                    (int) parse(port.getText(), "port"), (int) parse(slot.getText(), "slot"), scans));
            status.setText("");
        } catch (IllegalArgumentException e) {
            connectionProblem.setText(e.getMessage());
        }
    }

    @FXML
    private void testConnection() {
        String id = connectionId();
        if (id == null) {
            return;
        }
        applyConnection();
        TagMap.Connection c = model.current().connection(id).orElseThrow();
        connectionProgress.setVisible(true);
        connectionResult.getStyleClass().removeAll("ok", "problem");
        connectionResult.setText("Connecting to " + c.host() + ":" + c.port() + "…");
        setup.testConnection(c).whenComplete((outcome, error) -> {
            connectionProgress.setVisible(false);
            boolean ok = error == null && outcome.ok();
            connectionResult.getStyleClass().add(ok ? "ok" : "problem");
            connectionResult.setText(error != null ? ErrorText.of(error)
                    : (ok ? "✓ " : "✗ ") + outcome.text() + " (" + outcome.took().toMillis() + " ms)");
        });
    }

    // ---- import, export, versions, save

    @FXML
    private void chooseL5x() {
        if (machineId() == null) {
            status.setText("Select the machine the tags are for in the tree first.");
            return;
        }
        dialogs.openFile(window(), "Import tags from a Studio 5000 export", "L5X exports", "*.L5X", "*.l5x")
                .ifPresent(this::importL5x);
    }

    /** Reads an L5X off the FX thread and shows its rows for the selected machine (the file chooser's choice lands here). */
    public void importL5x(Path file) {
        String id = machineId();
        if (id == null) {
            status.setText("Select the machine the tags are for in the tree first.");
            return;
        }
        status.setText("Reading " + file.getFileName() + "…");
        setup.inBackground(() -> {
            try (InputStream in = Files.newInputStream(file)) {
                return L5xImport.read(in, file.getFileName().toString());
            }
        }).whenComplete((result, error) -> {
            if (error != null) {
                status.setText(ErrorText.of(error));
                return;
            }
            status.setText("");
            TagMap.Machine machine = model.machine(id);
            List<String> scans = model.current().connection(machine.connection()).map(c -> c.scanClasses().stream()
                    .map(TagMap.ScanClass::name).toList()).orElse(List.of());
            L5xDialog.ask(bindings.getScene().getWindow(), file.getFileName().toString(), result, machine, scans)
                    .ifPresent(choice -> {
                        model.addImported(id, choice.rows(), choice.roles(), choice.scanClass());
                        status.setText(choice.rows().size() + " tag(s) from " + file.getFileName() + " added to " + id
                                + ". Test read, then save.");
                    });
        });
    }

    @FXML
    private void chooseCsv() {
        dialogs.openFile(window(), "Import tag bindings from CSV", "CSV", "*.csv").ifPresent(this::importCsv);
    }

    /** Reads a CSV off the FX thread, previews every row with its problems, and applies it only if all are fine. */
    public void importCsv(Path file) {
        TagMap base = model.current();
        setup.inBackground(() -> BindingCsv.read(Files.readString(file, StandardCharsets.UTF_8), base))
                .whenComplete((rows, error) -> {
                    if (error != null) {
                        status.setText(file.getFileName() + ": " + ErrorText.of(error));
                        return;
                    }
                    if (CsvDialog.confirm(bindings.getScene().getWindow(), file.getFileName().toString(), rows)) {
                        model.replace(BindingCsv.apply(base, rows));
                        status.setText(rows.size() + " binding(s) from " + file.getFileName() + " applied.");
                    }
                });
    }

    @FXML
    private void exportCsv() {
        dialogs.saveFile(window(), "Export tag bindings as CSV", "tag-bindings.csv").ifPresent(this::exportCsv);
    }

    /** Writes every binding as CSV, off the FX thread. */
    public void exportCsv(Path file) {
        String csv = BindingCsv.export(model.current());
        setup.inBackground(() -> Files.writeString(file, csv, StandardCharsets.UTF_8)).whenComplete((p, error) ->
                status.setText(error != null ? "Export failed: " + ErrorText.of(error)
                        : "Exported " + (csv.lines().count() - 1) + " binding(s) to " + file));
    }

    private javafx.stage.Window window() {
        return bindings.getScene().getWindow();
    }

    @FXML
    private void showVersions() {
        versions.showVersions(model);
    }

    @FXML
    private void save() {
        versions.save("every station polls by it now.", this::redraw);
    }
}
