package com.ms5.floor.app.ui.setup;

import com.ms5.floor.app.base.Messages;
import com.ms5.floor.app.ui.TextColumn;

import com.ms5.floor.analytics.downtime.LossCategory;
import com.ms5.floor.analytics.oee.OeeProfile;
import com.ms5.floor.app.rules.PlantRulesCheck;
import com.ms5.floor.app.rules.PlantRules;
import com.ms5.floor.app.rules.RulesText;
import com.ms5.floor.app.ui.ShownAs;
import com.ms5.floor.app.ui.ViewModel;
import com.ms5.floor.plc.tagmap.TagMap;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.ComboBoxTableCell;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.util.StringConverter;

/**
 * Controller of RulesView.fxml, the controls engineer's Rules tab: the downtime reason tree and
 * the fault-code table, the shift calendar, products with each machine's ideal cycle times, and
 * the Andon call types with their escalation. Every table row shows its problem beside it; Save
 * stores a new version of the plant rules that analytics on every station takes up live.
 */
public final class RulesView {
    private static final PseudoClass PROBLEM = PseudoClass.getPseudoClass("problem");

    private final RulesViewModel rulesModel;
    private RulesEditorModel model;
    private VersionControls<PlantRules> versions;

    @FXML private javafx.scene.layout.BorderPane root;
    @FXML private Label versionLabel;
    @FXML private Label status;
    @FXML private Button undoButton;
    @FXML private Button redoButton;
    @FXML private Button saveButton;
    @FXML private TableView<Row<PlantRules.Reason>> reasons;
    @FXML private TableView<Row<PlantRules.FaultCode>> faultCodes;
    @FXML private TextField timeZone;
    @FXML private TextField holidays;
    @FXML private Label calendarProblem;
    @FXML private TableView<Row<PlantRules.Shift>> shifts;
    @FXML private TableView<Row<PlantRules.Product>> products;
    @FXML private TableView<Row<PlantRules.MachineCycle>> cycles;
    @FXML private TableView<Row<PlantRules.CallRule>> callTypes;
    @FXML private ComboBox<OeeProfile> oeeProfile;
    @FXML private TextField microStop;
    @FXML private TextField debounce;
    @FXML private TextField currency;
    @FXML private Label figuresProblem;
    @FXML private TableView<CostRow> costs;
    @FXML private TableView<Row<PlantRules.PlannedWindow>> plannedWindows;

    /** Reason ids a fault code or a reason's parent can name: "" (none) first. */
    private final ObservableList<String> reasonChoices = FXCollections.observableArrayList();

    /** A row of the cost table: a line (by id) or a loss category, and its cost per minute (null: none). */
    record CostRow(String line, LossCategory category, String label, Double perMinute) {
    }

    /** One row of a table: its place in its list, the item, and its problem (null: none). */
    record Row<R>(int index, R item, String problem) {
    }

    @Inject
    RulesView(RulesViewModel rulesModel) {
        this.rulesModel = rulesModel;
    }

    @FXML
    private void initialize() {
        status.setText(Messages.get("rules.loading"));
        versions = new VersionControls<>(rulesModel, versionLabel, status, undoButton, redoButton,
                saveButton);
        reasonColumns();
        faultColumns();
        shiftColumns();
        productColumns();
        callTypeColumns();
        figureFields();
        costColumns();
        windowColumns();
        for (TableView<?> table : List.of(reasons, faultCodes, shifts, products, cycles, callTypes, plannedWindows)) {
            table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        }
        for (javafx.scene.Node n : List.of(timeZone, holidays, oeeProfile, microStop, debounce, currency)) {
            n.setDisable(true); // until the rules are loaded
        }
        VersionControls.onCommit(timeZone, () -> model.replace(model.current().withCalendar(timeZone.getText().strip(),
                model.current().holidays())));
        VersionControls.onCommit(holidays, () -> model.replace(model.current().withCalendar(model.current().timeZone(),
                Arrays.stream(holidays.getText().split("[,\\s]+")).filter(s -> !s.isEmpty()).toList())));
        rulesModel.editorProperty().addListener((o, old, editor) -> {
            model = editor;
            model.onChange(this::redraw);
            for (javafx.scene.Node n : List.of(timeZone, holidays, oeeProfile, microStop, debounce, currency)) {
                n.setDisable(false);
            }
            status.setText("");
        });
        rulesModel.onLoad(this::redraw);
        ViewModel.bind(root, rulesModel);
    }

    // ---- drawing

    private void redraw() {
        PlantRules rules = model.current();
        reasonChoices.setAll(rules.reasons().stream().filter(r -> !r.retired()).map(PlantRules.Reason::id).toList());
        reasonChoices.addFirst("");
        fill(reasons, RulesEditorModel.REASONS);
        fill(faultCodes, RulesEditorModel.FAULT_CODES);
        fill(shifts, RulesEditorModel.SHIFTS);
        fill(products, RulesEditorModel.PRODUCTS);
        fill(callTypes, RulesEditorModel.CALL_TYPES);
        fill(plannedWindows, RulesEditorModel.PLANNED_WINDOWS);
        cycleRows();
        showFigures(rules);
        if (!timeZone.isFocused()) {
            timeZone.setText(rules.timeZone());
        }
        if (!holidays.isFocused()) {
            holidays.setText(String.join(", ", rules.holidays()));
        }
        calendarProblem.setText(model.problems().stream()
                .filter(p -> p.section() == com.ms5.floor.app.rules.PlantRulesCheck.Section.CALENDAR)
                .map(p -> "⚠ " + p.field() + ": " + p.message()).collect(Collectors.joining("\n")));
        versions.show(model, model.pendingChanges().size(), model.problems().size());
    }

    private <R> void fill(TableView<Row<R>> table, RulesEditorModel.Part<R> part) {
        List<R> items = part.list().apply(model.current());
        Map<Integer, String> problems = model.problems(part.section());
        List<Row<R>> rows = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            rows.add(new Row<>(i, items.get(i), problems.get(i)));
        }
        setRows(table, rows);
    }

    private static <R> void setRows(TableView<Row<R>> table, List<Row<R>> rows) {
        List<Integer> selected = List.copyOf(table.getSelectionModel().getSelectedIndices());
        table.getItems().setAll(rows);
        selected.stream().filter(i -> i < rows.size()).forEach(i -> table.getSelectionModel().select(i));
    }

    /** One row per machine of the tag map, its product columns from the product list. */
    private void cycleRows() {
        List<PlantRules.Product> productList = model.current().products();
        Map<String, Integer> rowOfMachine = new HashMap<>();
        List<PlantRules.MachineCycle> stored = model.current().cycles();
        for (int i = 0; i < stored.size(); i++) {
            rowOfMachine.put(stored.get(i).machine(), i);
        }
        Map<Integer, String> problems = model.problems(RulesEditorModel.CYCLES.section());
        List<Row<PlantRules.MachineCycle>> rows = new ArrayList<>();
        for (TagMap.Machine m : rulesModel.machines()) {
            Integer at = rowOfMachine.get(m.id());
            rows.add(new Row<>(rows.size(), model.cycle(m.id(), rulesModel.defaultIdealCycleSeconds()),
                    at == null ? null : problems.get(at)));
        }
        List<TableColumn<Row<PlantRules.MachineCycle>, ?>> columns = new ArrayList<>();
        columns.add(TextColumn.of(Messages.get("rules.machine"), r -> rulesModel.name(r.item().machine()) + "  [" + r.item().machine() + "]", 220));
        columns.add(cycleColumn(Messages.get("rules.default"), c -> EditText.seconds(c.idealSeconds()), (c, text) ->
                c.withCycles(EditText.seconds(text, Messages.get("rules.defaultCycle")), c.byProduct())));
        for (PlantRules.Product p : productList) {
            columns.add(cycleColumn(p.name() + " (" + p.id() + ")", c -> c.byProduct().containsKey(p.id())
                    ? EditText.seconds(c.byProduct().get(p.id())) : "", (c, text) -> {
                        Map<Long, Double> byProduct = new HashMap<>(c.byProduct());
                        if (text.isBlank()) {
                            byProduct.remove(p.id());
                        } else {
                            byProduct.put(p.id(), EditText.seconds(text, Messages.format("rules.cycleOf", p.name())));
                        }
                        return c.withCycles(c.idealSeconds(), byProduct);
                    }));
        }
        columns.add(cycleColumn(Messages.get("rules.microStopColumn"), c -> c.microStopSeconds() == null ? "" : String.valueOf(c.microStopSeconds()),
                (c, text) -> c.withThresholds(EditText.optionalSeconds(text, Messages.get("rules.microStopName")), c.debounceSeconds())));
        columns.add(cycleColumn(Messages.get("rules.debounceColumn"), c -> c.debounceSeconds() == null ? "" : String.valueOf(c.debounceSeconds()),
                (c, text) -> c.withThresholds(c.microStopSeconds(), EditText.optionalSeconds(text, Messages.get("rules.debounceName")))));
        columns.add(problemColumn());
        List<String> titles = columns.stream().map(TableColumn::getText).toList();
        if (!titles.equals(cycles.getColumns().stream().map(TableColumn::getText).toList())) {
            cycles.getColumns().setAll(columns);
            tint(cycles);
        }
        setRows(cycles, rows);
    }

    private TableColumn<Row<PlantRules.MachineCycle>, String> cycleColumn(String title,
            Function<PlantRules.MachineCycle, String> get, BiFunction<PlantRules.MachineCycle, String, PlantRules.MachineCycle> set) {
        TableColumn<Row<PlantRules.MachineCycle>, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(get.apply(c.getValue().item())));
        column.setCellFactory(TextFieldTableCell.forTableColumn());
        column.setOnEditCommit(e -> change(() -> model.setCycle(set.apply(e.getRowValue().item(), e.getNewValue().strip()))));
        column.setPrefWidth(Math.max(90, title.length() * 7.5));
        return column;
    }

    /** The plant-wide counting fields and the currency, unless a person is typing in one. */
    private void showFigures(PlantRules rules) {
        PlantRules.Figures f = rules.figures();
        try {
            oeeProfile.setValue(OeeProfile.valueOf(f.oeeProfile()));
        } catch (IllegalArgumentException e) {
            oeeProfile.setValue(null);
        }
        setUnlessTyping(microStop, String.valueOf(f.microStopSeconds()));
        setUnlessTyping(debounce, String.valueOf(f.debounceSeconds()));
        setUnlessTyping(currency, rules.costs().currency());
        figuresProblem.setText(model.problems().stream().filter(p -> p.section() == PlantRulesCheck.Section.FIGURES
                        || p.section() == PlantRulesCheck.Section.COSTS)
                .map(p -> "⚠ " + p.field() + ": " + p.message()).collect(Collectors.joining("\n")));
        List<CostRow> rows = new ArrayList<>();
        for (TagMap.Line line : rulesModel.lines()) {
            rows.add(new CostRow(line.id(), null, line.name() + "  [" + line.id() + "]", rules.costs().byLine().get(line.id())));
        }
        for (LossCategory c : LossCategory.values()) {
            if (c != LossCategory.UNASSIGNED) {
                rows.add(new CostRow(null, c, Messages.format("rules.categoryStops", Messages.category(c)), rules.costs().byCategory().get(c)));
            }
        }
        costs.getItems().setAll(rows);
    }

    private static void setUnlessTyping(TextField field, String text) {
        if (!field.isFocused()) {
            field.setText(text);
        }
    }

    private void figureFields() {
        oeeProfile.getItems().setAll(OeeProfile.values());
        oeeProfile.setConverter(ShownAs.text(p -> p == null ? "" : Messages.profile(p)));
        oeeProfile.setOnAction(e -> {
            PlantRules.Figures f = model == null ? null : model.current().figures();
            if (f != null && oeeProfile.getValue() != null && !oeeProfile.getValue().name().equals(f.oeeProfile())) {
                model.setFigures(oeeProfile.getValue().name(), f.microStopSeconds(), f.debounceSeconds());
            }
        });
        VersionControls.onCommit(microStop, () -> change(() -> model.setFigures(model.current().figures().oeeProfile(),
                EditText.optionalSeconds(microStop.getText(), Messages.get("rules.microStopName")), model.current().figures().debounceSeconds())));
        VersionControls.onCommit(debounce, () -> change(() -> model.setFigures(model.current().figures().oeeProfile(),
                model.current().figures().microStopSeconds(), EditText.optionalSeconds(debounce.getText(), Messages.get("rules.debounceName")))));
        VersionControls.onCommit(currency, () -> model.setCurrency(currency.getText().strip()));
    }

    private void costColumns() {
        TableColumn<CostRow, String> what = TextColumn.of(Messages.get("rules.costWhat"), CostRow::label, 380);
        TableColumn<CostRow, String> rate = new TableColumn<>(Messages.get("rules.costRate"));
        rate.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().perMinute() == null ? ""
                : EditText.number(c.getValue().perMinute())));
        rate.setCellFactory(TextFieldTableCell.forTableColumn());
        rate.setPrefWidth(150);
        rate.setOnEditCommit(e -> change(() -> {
            CostRow row = e.getRowValue();
            Double value = EditText.optionalAmount(e.getNewValue(), Messages.format("rules.costOf", row.label()));
            if (row.line() != null) {
                model.setLineCost(row.line(), value);
            } else {
                model.setCategoryCost(row.category(), value);
            }
        }));
        costs.getColumns().setAll(List.of(what, rate));
    }

    private void windowColumns() {
        var part = RulesEditorModel.PLANNED_WINDOWS;
        plannedWindows.getColumns().setAll(List.of(
                text(part, Messages.get("rules.from"), PlantRules.PlannedWindow::start, (w, v) -> new PlantRules.PlannedWindow(w.lines(), v, w.end(),
                        w.reason()), 160),
                text(part, Messages.get("rules.to"), PlantRules.PlannedWindow::end, (w, v) -> new PlantRules.PlannedWindow(w.lines(), w.start(), v,
                        w.reason()), 160),
                text(part, Messages.get("rules.lines"), PlantRules.PlannedWindow::lines, (w, v) -> new PlantRules.PlannedWindow(v,
                        w.start(), w.end(), w.reason()), 150),
                text(part, Messages.get("rules.whatFor"), PlantRules.PlannedWindow::reason, (w, v) -> new PlantRules.PlannedWindow(w.lines(),
                        w.start(), w.end(), v), 200),
                problemColumn()));
        tint(plannedWindows);
    }

    // ---- columns

    private void reasonColumns() {
        TableColumn<Row<PlantRules.Reason>, String> id = text(RulesEditorModel.REASONS, "Id", PlantRules.Reason::id, (r, v) -> {
            if (!v.equals(r.id()) && model.saved().reasons().stream().anyMatch(s -> s.id().equals(r.id()))) {
                throw new IllegalArgumentException(Messages.format("rules.reasonStored", r.id()));
            }
            return new PlantRules.Reason(v, r.name(), r.parent(), r.category(), r.retired());
        }, 140);
        TableColumn<Row<PlantRules.Reason>, String> name = text(RulesEditorModel.REASONS, Messages.get("rules.name"), PlantRules.Reason::name,
                (r, v) -> new PlantRules.Reason(r.id(), v, r.parent(), r.category(), r.retired()), 230);
        TableColumn<Row<PlantRules.Reason>, String> parent = choice(RulesEditorModel.REASONS, Messages.get("rules.under"),
                r -> r.parent() == null ? "" : r.parent(), reasonChoices, reasonText(),
                (r, v) -> new PlantRules.Reason(r.id(), r.name(), v.isEmpty() ? null : v, r.category(), r.retired()), 250);
        TableColumn<Row<PlantRules.Reason>, LossCategory> category = new TableColumn<>(Messages.get("rules.lossCategory"));
        category.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().item().category()));
        category.setCellFactory(ComboBoxTableCell.forTableColumn(ShownAs.text(c -> c == null ? "" : Messages.category(c)),
                LossCategory.values()));
        category.setOnEditCommit(e -> edit(RulesEditorModel.REASONS, e.getRowValue(), r ->
                new PlantRules.Reason(r.id(), r.name(), r.parent(), e.getNewValue(), r.retired())));
        category.setPrefWidth(130);
        String inUse = Messages.get("rules.inUse");
        String retired = Messages.get("rules.retired");
        TableColumn<Row<PlantRules.Reason>, String> state = choice(RulesEditorModel.REASONS, Messages.get("rules.inUseColumn"),
                r -> r.retired() ? retired : inUse, FXCollections.observableArrayList(inUse, retired), null,
                (r, v) -> new PlantRules.Reason(r.id(), r.name(), r.parent(), r.category(), v.equals(retired)), 80);
        reasons.getColumns().setAll(List.of(id, name, parent, category, state, problemColumn()));
        tint(reasons);
    }

    private void faultColumns() {
        TableColumn<Row<PlantRules.FaultCode>, String> code = text(RulesEditorModel.FAULT_CODES, Messages.get("rules.code"),
                f -> String.valueOf(f.code()), (f, v) -> new PlantRules.FaultCode(EditText.whole(v, Messages.get("rules.faultName")), f.text(), f.reason()), 70);
        TableColumn<Row<PlantRules.FaultCode>, String> meaning = text(RulesEditorModel.FAULT_CODES, Messages.get("rules.meaning"),
                PlantRules.FaultCode::text, (f, v) -> new PlantRules.FaultCode(f.code(), v, f.reason()), 220);
        TableColumn<Row<PlantRules.FaultCode>, String> reason = choice(RulesEditorModel.FAULT_CODES, Messages.get("rules.reasonOfStops"),
                f -> f.reason() == null ? "" : f.reason(), reasonChoices, reasonText(),
                (f, v) -> new PlantRules.FaultCode(f.code(), f.text(), v.isEmpty() ? null : v), 300);
        faultCodes.getColumns().setAll(List.of(code, meaning, reason, problemColumn()));
        tint(faultCodes);
    }

    private void shiftColumns() {
        var part = RulesEditorModel.SHIFTS;
        shifts.getColumns().setAll(List.of(
                text(part, Messages.get("rules.shift"), PlantRules.Shift::name, (s, v) -> new PlantRules.Shift(v, s.start(), s.end(), s.days(), s.breaks()), 120),
                text(part, Messages.get("rules.start"), PlantRules.Shift::start, (s, v) -> new PlantRules.Shift(s.name(), v, s.end(), s.days(), s.breaks()), 70),
                text(part, Messages.get("rules.end"), PlantRules.Shift::end, (s, v) -> new PlantRules.Shift(s.name(), s.start(), v, s.days(), s.breaks()), 70),
                text(part, Messages.get("rules.days"), s -> RulesText.days(s.days()), (s, v) -> new PlantRules.Shift(s.name(), s.start(), s.end(),
                        RulesText.parseDays(v), s.breaks()), 150),
                text(part, Messages.get("rules.breaks"), s -> RulesText.breaks(s.breaks()), (s, v) -> new PlantRules.Shift(s.name(), s.start(),
                        s.end(), s.days(), RulesText.parseBreaks(v)), 330),
                problemColumn()));
        tint(shifts);
    }

    private void productColumns() {
        var part = RulesEditorModel.PRODUCTS;
        products.getColumns().setAll(List.of(
                text(part, Messages.get("rules.productNo"), p -> String.valueOf(p.id()), (p, v) -> new PlantRules.Product(EditText.whole(v, Messages.get("rules.productName")),
                        p.name()), 90),
                text(part, Messages.get("rules.name"), PlantRules.Product::name, (p, v) -> new PlantRules.Product(p.id(), v), 190),
                problemColumn()));
        tint(products);
    }

    private void callTypeColumns() {
        var part = RulesEditorModel.CALL_TYPES;
        callTypes.getColumns().setAll(List.of(
                TextColumn.of(Messages.get("rules.type"), r -> r.item().type(), 110),
                text(part, Messages.get("rules.label"), PlantRules.CallRule::label, (c, v) -> new PlantRules.CallRule(c.type(), v,
                        c.priority(), c.steps(), c.untilResolved()), 160),
                text(part, Messages.get("rules.priority"), c -> String.valueOf(c.priority()), (c, v) -> new PlantRules.CallRule(c.type(), c.label(),
                        (int) EditText.whole(v, Messages.get("rules.priorityName")), c.steps(), c.untilResolved()), 70),
                text(part, Messages.get("rules.escalation"), c -> RulesText.steps(c.steps()),
                        (c, v) -> new PlantRules.CallRule(c.type(), c.label(), c.priority(), RulesText.parseSteps(v),
                                c.untilResolved()), 460),
                choice(part, Messages.get("rules.until"), c -> c.untilResolved() ? Messages.get("rules.untilResolved")
                                : Messages.get("rules.untilAcknowledged"),
                        FXCollections.observableArrayList(Messages.get("rules.untilAcknowledged"), Messages.get("rules.untilResolved")),
                        null, (c, v) -> new PlantRules.CallRule(c.type(), c.label(), c.priority(), c.steps(),
                                v.equals(Messages.get("rules.untilResolved"))), 120),
                problemColumn()));
        tint(callTypes);
    }

    private <R> TableColumn<Row<R>, String> text(RulesEditorModel.Part<R> part, String title, Function<R, String> get,
                                                BiFunction<R, String, R> set, double width) {
        TableColumn<Row<R>, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(get.apply(c.getValue().item())));
        column.setCellFactory(TextFieldTableCell.forTableColumn());
        column.setOnEditCommit(e -> edit(part, e.getRowValue(), r -> set.apply(r, e.getNewValue().strip())));
        column.setPrefWidth(width);
        return column;
    }

    private <R> TableColumn<Row<R>, String> choice(RulesEditorModel.Part<R> part, String title, Function<R, String> get,
                                                  ObservableList<String> choices, StringConverter<String> shown,
                                                  BiFunction<R, String, R> set, double width) {
        TableColumn<Row<R>, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(get.apply(c.getValue().item())));
        column.setCellFactory(shown == null ? ComboBoxTableCell.forTableColumn(choices)
                : ComboBoxTableCell.forTableColumn(shown, choices));
        column.setOnEditCommit(e -> edit(part, e.getRowValue(), r -> set.apply(r, e.getNewValue() == null ? "" : e.getNewValue())));
        column.setPrefWidth(width);
        return column;
    }

    /** Shows a reason id as the reason's name with its id. */
    private StringConverter<String> reasonText() {
        return new StringConverter<>() {
            @Override
            public String toString(String id) {
                if (id == null || id.isEmpty()) {
                    return Messages.get("rules.none");
                }
                return model == null ? id : model.current().reasons().stream().filter(r -> r.id().equals(id)).findFirst()
                        .map(r -> r.name() + "  [" + id + "]").orElse(Messages.format("rules.missing", id));
            }

            @Override
            public String fromString(String text) {
                return text;
            }
        };
    }

    private static <R> TableColumn<Row<R>, String> problemColumn() {
        return TextColumn.of(Messages.get("rules.problem"), r -> r.problem() == null ? "" : "⚠ " + r.problem(), 380);
    }

    private static <R> void tint(TableView<Row<R>> table) {
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(Row<R> row, boolean empty) {
                super.updateItem(row, empty);
                pseudoClassStateChanged(PROBLEM, !empty && row != null && row.problem() != null);
            }
        });
    }

    private <R> void edit(RulesEditorModel.Part<R> part, Row<R> row, UnaryOperator<R> change) {
        change(() -> model.set(part, row.index(), change.apply(row.item())));
    }

    /** Runs an edit; text that cannot be read is named in the status bar and changes nothing. */
    private void change(Runnable edit) {
        try {
            edit.run();
            status.setText("");
        } catch (IllegalArgumentException e) {
            status.setText(e.getMessage());
            redraw();
        }
    }

    private <R> List<Integer> selected(TableView<Row<R>> table) {
        return table.getSelectionModel().getSelectedItems().stream().map(Row::index).toList();
    }

    // ---- actions

    @FXML
    private void undo() {
        model.undo();
    }

    @FXML
    private void redo() {
        model.redo();
    }

    @FXML
    private void addReason() {
        model.addReason();
        reasons.getSelectionModel().clearAndSelect(reasons.getItems().size() - 1);
        reasons.scrollTo(reasons.getItems().size() - 1);
    }

    @FXML
    private void removeReasons() {
        model.removeReasons(selected(reasons));
    }

    @FXML
    private void addFaultCode() {
        model.addFaultCode();
        faultCodes.scrollTo(faultCodes.getItems().size() - 1);
    }

    @FXML
    private void removeFaultCodes() {
        model.remove(RulesEditorModel.FAULT_CODES, selected(faultCodes));
    }

    @FXML
    private void addShift() {
        model.addShift();
    }

    @FXML
    private void removeShifts() {
        model.remove(RulesEditorModel.SHIFTS, selected(shifts));
    }

    @FXML
    private void addProduct() {
        model.addProduct();
    }

    @FXML
    private void removeProducts() {
        model.removeProducts(selected(products));
    }

    @FXML
    private void addPlannedWindow() {
        model.addPlannedWindow(rulesModel.plantTime(model.current().timeZone()));
        plannedWindows.getSelectionModel().clearAndSelect(plannedWindows.getItems().size() - 1);
    }

    @FXML
    private void removePlannedWindows() {
        model.remove(RulesEditorModel.PLANNED_WINDOWS, selected(plannedWindows));
    }

    @FXML
    private void showVersions() {
        versions.showVersions(model);
    }

    @FXML
    private void save() {
        versions.save(Messages.get("versions.savedRules"), this::redraw);
    }
}
