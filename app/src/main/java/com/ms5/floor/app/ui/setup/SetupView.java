package com.ms5.floor.app.ui.setup;

import com.ms5.floor.app.base.Messages;
import com.ms5.floor.app.ui.DialogService;
import com.ms5.floor.app.ui.ViewModel;
import com.ms5.floor.app.ui.ErrorText;
import com.ms5.floor.plc.api.Role;
import com.ms5.floor.plc.poll.ConnectionCheck;
import com.ms5.floor.plc.tagmap.BindingCsv;
import com.ms5.floor.plc.tagmap.DataType;
import com.ms5.floor.plc.tagmap.L5xImport;
import com.ms5.floor.plc.tagmap.TagMap;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/**
 * Controller of SetupView.fxml, the controls engineer's tab: the equipment tree (PLC connections,
 * lines, machines), a machine's tag bindings in an editable table with each row's problem beside
 * it, test connection and test read, L5X and CSV import with a preview, CSV export, undo/redo, and
 * saving as a new configuration version that every station picks up live. Slow work (PLC, files,
 * database) runs through {@link SetupViewModel}, never on the FX thread.
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
    @FXML private TreeView<EquipmentTree.Node> equipment;
    @FXML private VBox machinePane;
    @FXML private MachinePane machinePaneController;
    @FXML private VBox connectionPane;
    @FXML private VBox linePane;
    @FXML private Button removeEquipmentButton;
    @FXML private TextField lineName;
    @FXML private GridPane connectionForm;
    @FXML private ProgressIndicator connectionProgress;
    @FXML private Label connectionResult;

    private ConnectionForm connection;
    private boolean redrawing;
    /** The line whose name the field holds: focus can leave the field after the tree moved on. */
    private String namedLine;

    /** What the tree shows: the plant, a connection, a line or a machine, by id. */
    @Inject
    SetupView(SetupViewModel setup, DialogService dialogs) {
        this.setup = setup;
        this.dialogs = dialogs;
    }

    @FXML
    private void initialize() {
        status.setText(Messages.get("setup.loading"));
        versions = new VersionControls<>(setup, versionLabel, status, undoButton, redoButton,
                saveButton);
        equipment.setDisable(true);
        machinePaneController.use(new MachinePane.Host() {
            @Override
            public TagMapEditorModel editor() {
                return model;
            }

            @Override
            public SetupViewModel setup() {
                return setup;
            }

            @Override
            public String machineId() {
                return SetupView.this.machineId();
            }

            @Override
            public boolean redrawing() {
                return redrawing;
            }

            @Override
            public void say(String text) {
                status.setText(text);
            }
        });
        equipment.getSelectionModel().selectedItemProperty().addListener((o, old, item) -> show());
        equipment.setCellFactory(tree -> new EquipmentTree.Cell(this::dropMachine));
        VersionControls.onCommit(lineName, this::renameLine);
        connection = new ConnectionForm(connectionForm, this::applyConnection);
        // Files come from the OS file chooser, which tests cannot drive: they hand them to this controller.
        root.getProperties().put(SetupView.class, this);
        setup.editorProperty().addListener((o, old, editor) -> {
            model = editor;
            model.onChange(this::redraw);
            equipment.setDisable(false);
        });
        setup.onLoad(() -> {
            if (status.getText().equals(Messages.get("setup.loading"))) {
                status.setText("");
            }
            redraw();
        });
        ViewModel.bind(root, setup);
    }

    /** A machine dropped in the tree before the machine at {@code before} of a line (its size: at the end). */
    public void dropMachine(String machineId, String lineId, int before) {
        List<String> order = model.current().lines().stream().filter(l -> l.id().equals(lineId)).findFirst()
                .map(l -> l.machines().stream().map(TagMap.Machine::id).toList()).orElse(List.of());
        int at = order.indexOf(machineId);
        model.moveMachineTo(machineId, lineId, at >= 0 && at < before ? before - 1 : before);
        status.setText(Messages.format("setup.moved", setup.name(machineId)));
    }

    // ---- drawing

    private void redraw() {
        redrawing = true;
        try {
            TagMap map = model.current();
            EquipmentTree.Node selected = equipment.getSelectionModel().getSelectedItem() == null ? null
                    : equipment.getSelectionModel().getSelectedItem().getValue();
            TreeItem<EquipmentTree.Node> root = EquipmentTree.items(map, id -> !model.bindingProblems(id).isEmpty());
            equipment.setRoot(root);
            equipment.setShowRoot(true);
            // The machine this station shows is where an engineer usually starts.
            EquipmentTree.select(equipment, root, selected != null ? selected : new EquipmentTree.Node("machine", setup.shownMachineId(), ""));
            versions.show(model, model.pendingChanges().size(), model.problems().size());
            show();
        } finally {
            redrawing = false;
        }
    }

    private void show() {
        TreeItem<EquipmentTree.Node> item = equipment.getSelectionModel().getSelectedItem();
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
            case "machine" -> machinePaneController.show(id);
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
        TreeItem<EquipmentTree.Node> item = equipment.getSelectionModel().getSelectedItem();
        return item != null && item.getValue().kind().equals("machine") ? item.getValue().id() : null;
    }

    // ---- machine and line actions

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
        TreeItem<EquipmentTree.Node> item = equipment.getSelectionModel().getSelectedItem();
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
        String done = model.add(e);
        EquipmentTree.select(equipment, equipment.getRoot(),
                new EquipmentTree.Node(e.kind().name().toLowerCase(java.util.Locale.ROOT), e.id(), ""));
        status.setText(done);
    }

    @FXML
    private void removeEquipment() {
        TreeItem<EquipmentTree.Node> item = equipment.getSelectionModel().getSelectedItem();
        if (item == null) {
            return;
        }
        EquipmentTree.Node node = item.getValue();
        String inUse = node.kind().equals("connection") ? model.connectionInUse(node.id()) : null;
        if (inUse != null) {
            status.setText(inUse); // nothing to ask: it cannot go yet
            return;
        }
        String consequence = model.removalConsequence(node.kind(), node.id());
        if (consequence == null) {
            return;
        }
        if (dialogs.confirm(window(), Messages.format("setup.removeTitle", node.id()),
                Messages.format("setup.removeHeader", node.text().strip()), Messages.format("setup.removeUndo", consequence))) {
            status.setText(model.remove(node.kind(), node.id()));
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

    private String connectionId() {
        TreeItem<EquipmentTree.Node> item = equipment.getSelectionModel().getSelectedItem();
        return item != null && item.getValue().kind().equals("connection") ? item.getValue().id() : null;
    }

    private void showConnection(String id) {
        TagMap.Connection c = model.current().connection(id).orElseThrow();
        String prefix = "connections[" + model.current().connections().indexOf(c) + "]";
        connection.show(c, model.problems().stream().filter(p -> p.path().startsWith(prefix))
                .map(p -> p.path().substring(prefix.length() + 1) + ": " + p.message()).collect(Collectors.joining("\n")));
    }

    private void applyConnection() {
        String id = connectionId();
        if (redrawing || id == null) {
            return;
        }
        try {
            model.setConnection(connection.read(id));
            status.setText("");
        } catch (IllegalArgumentException e) {
            connection.problem(e.getMessage());
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
        connectionResult.setText(Messages.format("setup.connecting", c.host(), c.port()));
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
            status.setText(Messages.get("setup.selectMachine"));
            return;
        }
        dialogs.openFile(window(), Messages.get("setup.l5xTitle"), Messages.get("setup.l5xFiles"), "*.L5X", "*.l5x")
                .ifPresent(this::importL5x);
    }

    /** Reads an L5X off the FX thread and shows its rows for the selected machine (the file chooser's choice lands here). */
    public void importL5x(Path file) {
        String id = machineId();
        if (id == null) {
            status.setText(Messages.get("setup.selectMachine"));
            return;
        }
        status.setText(Messages.format("setup.reading", file.getFileName()));
        setup.readL5x(file).whenComplete((result, error) -> {
            if (error != null) {
                status.setText(ErrorText.of(error));
                return;
            }
            status.setText("");
            TagMap.Machine machine = model.machine(id);
            List<String> scans = model.current().connection(machine.connection()).map(c -> c.scanClasses().stream()
                    .map(TagMap.ScanClass::name).toList()).orElse(List.of());
            L5xDialog.ask(window(), file.getFileName().toString(), result, machine, scans)
                    .ifPresent(choice -> {
                        model.addImported(id, choice.rows(), choice.roles(), choice.scanClass());
                        status.setText(Messages.format("setup.l5xAdded", choice.rows().size(), file.getFileName(), id));
                    });
        });
    }

    @FXML
    private void chooseCsv() {
        dialogs.openFile(window(), Messages.get("setup.csvTitle"), "CSV", "*.csv").ifPresent(this::importCsv);
    }

    /** Reads a CSV off the FX thread, previews every row with its problems, and applies it only if all are fine. */
    public void importCsv(Path file) {
        TagMap base = model.current();
        setup.readCsv(file, base).whenComplete((rows, error) -> {
                    if (error != null) {
                        status.setText(file.getFileName() + ": " + ErrorText.of(error));
                        return;
                    }
                    if (CsvDialog.confirm(window(), file.getFileName().toString(), rows)) {
                        model.replace(BindingCsv.apply(base, rows));
                        status.setText(Messages.format("setup.csvApplied", rows.size(), file.getFileName()));
                    }
                });
    }

    @FXML
    private void exportCsv() {
        dialogs.saveFile(window(), Messages.get("setup.exportTitle"), "tag-bindings.csv").ifPresent(this::exportCsv);
    }

    /** Writes every binding as CSV, off the FX thread. */
    public void exportCsv(Path file) {
        String csv = BindingCsv.export(model.current());
        setup.write(file, csv).whenComplete((p, error) ->
                status.setText(error != null ? Messages.format("setup.exportFailed", ErrorText.of(error))
                        : Messages.format("setup.exported", csv.lines().count() - 1, file)));
    }

    private javafx.stage.Window window() {
        return root.getScene().getWindow();
    }

    @FXML
    private void showVersions() {
        versions.showVersions(model);
    }

    @FXML
    private void save() {
        versions.save(Messages.get("versions.savedTagMap"), this::redraw);
    }
}
