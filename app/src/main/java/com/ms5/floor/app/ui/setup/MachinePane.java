package com.ms5.floor.app.ui.setup;

import com.ms5.floor.app.base.Messages;
import com.ms5.floor.app.ui.ErrorText;
import com.ms5.floor.plc.api.AndonSignal;
import com.ms5.floor.plc.api.StateRule;
import com.ms5.floor.plc.tagmap.TagMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;

/**
 * Controller of MachinePane.fxml, the Setup tab's pane for the machine selected in the tree (an
 * {@code fx:include} of SetupView.fxml): its name and PLC connection, and its tag bindings with
 * add, remove, scan class, copy, move and Test read; and how its PLC says what it is doing (its
 * state rule and Andon signals, or the plant's), previewed on the values read. The document and the selection are the
 * Setup tab's, handed over as a {@link Host}.
 */
public final class MachinePane {
    /** What the pane works on, from the Setup tab. */
    interface Host {
        TagMapEditorModel editor();

        SetupViewModel setup();

        /** The machine selected in the tree, or null. */
        String machineId();

        /** Whether the tab is redrawing (field events are not edits then). */
        boolean redrawing();

        /** Shows what an action came to in the tab's status line. */
        void say(String text);
    }

    @FXML private TextField machineName;
    @FXML private Label machineInfo;
    @FXML private ComboBox<String> machineConnection;
    @FXML private ComboBox<String> bulkScanClass;
    @FXML private TableView<BindingsTable.Row> bindings;
    @FXML private ProgressIndicator readProgress;
    @FXML private TextField stateRule;
    @FXML private TextField andonSignals;
    @FXML private Label conventionProblem;
    @FXML private Label statePreview;

    private Host host;
    /** The machine whose name the field holds: focus can leave the field after the tree moved on. */
    private String namedMachine;

    @FXML
    private void initialize() {
        BindingsTable.columns(bindings, bulkScanClass.getItems(), this::edit, this::reading);
        bindings.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        VersionControls.onCommit(machineName, this::renameMachine);
        bulkScanClass.setOnAction(e -> bulkScanClass());
        machineConnection.setOnAction(e -> changeMachineConnection());
        VersionControls.onCommit(stateRule, () -> changeRule(stateRule, Messages.get("machine.stateFrom"), StateRule::parse, TagMap.Machine::state,
                editor()::setStateRule));
        VersionControls.onCommit(andonSignals, () -> changeRule(andonSignals, Messages.get("machine.andonFrom"), AndonSignal::parseAll,
                TagMap.Machine::andon, editor()::setAndonSignals));
    }

    void use(Host setupTab) {
        host = setupTab;
    }

    private TagMapEditorModel editor() {
        return host.editor();
    }

    /** Shows machine {@code id} of the document as edited. */
    void show(String id) {
        TagMap.Machine m = editor().machine(id);
        if (!machineName.isFocused() || !id.equals(namedMachine)) {
            machineName.setText(m.name());
        }
        namedMachine = id;
        machineConnection.getItems().setAll(editor().current().connections().stream().map(TagMap.Connection::id).toList());
        machineConnection.setValue(m.connection());
        machineInfo.setText(Messages.format("machine.info", m.id(), m.bindings().size()));
        Map<Integer, String> problems = editor().bindingProblems(id);
        List<BindingsTable.Row> rows = new ArrayList<>();
        for (int i = 0; i < m.bindings().size(); i++) {
            rows.add(new BindingsTable.Row(i, m.bindings().get(i), problems.get(i)));
        }
        List<Integer> selected = List.copyOf(bindings.getSelectionModel().getSelectedIndices());
        bindings.getItems().setAll(rows);
        selected.stream().filter(i -> i < rows.size()).forEach(i -> bindings.getSelectionModel().select(i));
        List<String> scans = editor().current().connection(m.connection()).map(c -> c.scanClasses().stream()
                .map(TagMap.ScanClass::name).toList()).orElse(List.of());
        bulkScanClass.getItems().setAll(scans);
        showConvention(m);
    }

    /**
     * The machine's own rules in the fields (empty: it follows the plant's, shown as the prompt), their
     * problems, and what they make of the last test read.
     */
    private void showConvention(TagMap.Machine m) {
        TagMap map = editor().current();
        if (!stateRule.isFocused()) {
            stateRule.setText(m.state() == null ? "" : m.state().describe());
        }
        StateRule plantRule = map.state() != null ? map.state() : map.stateRule(m.withState(null));
        stateRule.setPromptText(plantRule == null ? Messages.get("machine.plantCounters")
                : Messages.format("machine.plantRule", plantRule.describe()));
        if (!andonSignals.isFocused()) {
            andonSignals.setText(m.andon() == null ? "" : AndonSignal.describeAll(m.andon()));
        }
        andonSignals.setPromptText(Messages.format("machine.plantRule", AndonSignal.describeAll(map.andon() != null ? map.andon()
                : AndonSignal.MS5_ANDON_WORD)));
        List<String> problems = editor().conventionProblems(m.id());
        conventionProblem.setText(problems.isEmpty() ? "" : "⚠ " + String.join("\n⚠ ", problems));
        statePreview.setText(host.setup().preview(map, m.id()));
    }

    /**
     * Reads a rule field (empty: the plant's rule) and stores it if it changed; text that cannot be
     * read is named under the fields and changes nothing.
     */
    private <T> void changeRule(TextField field, String label, java.util.function.Function<String, T> parse,
                                java.util.function.Function<TagMap.Machine, T> stored, java.util.function.BiConsumer<String, T> store) {
        String id = host.machineId();
        if (host.redrawing() || id == null || !id.equals(namedMachine)) {
            return;
        }
        String text = field.getText().strip();
        try {
            T rule = text.isEmpty() ? null : parse.apply(text);
            if (!java.util.Objects.equals(rule, stored.apply(editor().machine(id)))) {
                store.accept(id, rule);
            }
        } catch (IllegalArgumentException e) {
            conventionProblem.setText("⚠ " + label + ": " + e.getMessage());
        }
    }

    @FXML
    private void makePlantConvention() {
        String id = host.machineId();
        if (id != null) {
            editor().makePlantConvention(id);
            host.say(Messages.format("machine.madePlant", id));
        }
    }

    // ---- the bindings table

    private void edit(BindingsTable.Row row, java.util.function.UnaryOperator<TagMap.Binding> change) {
        String id = host.machineId();
        if (id == null) {
            return;
        }
        try {
            editor().setBinding(id, row.index(), change.apply(row.binding()));
            host.say("");
        } catch (IllegalArgumentException e) {
            host.say(e.getMessage());
            show(id);
        }
    }

    private String reading(BindingsTable.Row row) {
        String id = host.machineId();
        return id == null ? "" : host.setup().reading(row.binding().valueName(id));
    }

    @FXML
    private void addBinding() {
        String id = host.machineId();
        if (id != null) {
            editor().addBinding(id);
            bindings.getSelectionModel().clearAndSelect(bindings.getItems().size() - 1);
            bindings.scrollTo(bindings.getItems().size() - 1);
        }
    }

    @FXML
    private void removeBindings() {
        String id = host.machineId();
        if (id != null && !bindings.getSelectionModel().getSelectedIndices().isEmpty()) {
            List<Integer> indexes = bindings.getSelectionModel().getSelectedItems().stream().map(BindingsTable.Row::index).toList();
            bindings.getSelectionModel().clearSelection();
            editor().removeBindings(id, indexes);
        }
    }

    private void bulkScanClass() {
        String id = host.machineId();
        String scan = bulkScanClass.getValue();
        if (host.redrawing() || id == null || scan == null) {
            return;
        }
        List<Integer> indexes = bindings.getSelectionModel().getSelectedItems().stream().map(BindingsTable.Row::index).toList();
        if (indexes.isEmpty()) {
            host.say(Messages.get("machine.selectFirst"));
        } else {
            editor().setScanClass(id, indexes, scan);
            host.say(Messages.format("machine.scanSet", indexes.size(), scan));
        }
        Platform.runLater(() -> bulkScanClass.getSelectionModel().clearSelection());
    }

    @FXML
    private void copyTo() {
        String id = host.machineId();
        if (id == null) {
            return;
        }
        List<String> others = editor().current().machines().stream().map(TagMap.Machine::id).filter(m -> !m.equals(id)).toList();
        CopyDialog.ask(bindings.getScene().getWindow(), id, others, editor().addressPrefix(id), editor()::addressPrefix)
                .ifPresent(copy -> {
                    editor().copyBindings(id, copy.target(), copy.fromPrefix(), copy.toPrefix());
                    int copied = editor().machine(copy.target()).bindings().size();
                    host.say(copy.fromPrefix().isEmpty() ? Messages.format("machine.copied", copied, id, copy.target())
                            : Messages.format("machine.copiedReplaced", copied, id, copy.target(), copy.fromPrefix(), copy.toPrefix()));
                });
    }

    private void changeMachineConnection() {
        String id = host.machineId();
        String connection = machineConnection.getValue();
        if (!host.redrawing() && id != null && connection != null && !connection.equals(editor().machine(id).connection())) {
            editor().setMachineConnection(id, connection);
            host.say(Messages.format("machine.newConnection", id, connection));
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
        String id = host.machineId();
        if (id != null) {
            editor().moveMachine(id, by);
        }
    }

    private void renameMachine() {
        String name = machineName.getText().strip();
        if (!host.redrawing() && namedMachine != null && !name.isEmpty() && editor().current().machine(namedMachine).isPresent()
                && !name.equals(editor().machine(namedMachine).name())) {
            editor().renameMachine(namedMachine, name);
        }
    }

    @FXML
    private void testRead() {
        String id = host.machineId();
        if (id == null) {
            return;
        }
        readProgress.setVisible(true);
        host.say(Messages.format("machine.reading", editor().machine(id).bindings().size(), id));
        host.setup().testRead(id).whenComplete((summary, error) -> {
            readProgress.setVisible(false);
            host.say(error != null ? Messages.format("machine.readFailed", ErrorText.of(error)) : summary);
            bindings.refresh();
            if (id.equals(host.machineId())) {
                statePreview.setText(host.setup().preview(editor().current(), id));
            }
        });
    }
}
