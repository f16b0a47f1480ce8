package com.ms5.floor.app;

import com.ms5.floor.app.model.ConfigVersion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ms5.floor.app.persistence.ConfigVersionRepository;
import com.ms5.floor.app.runtime.ConfigKind;
import com.ms5.floor.app.runtime.ConfigService;
import com.ms5.floor.app.model.LineStatus;
import com.ms5.floor.app.live.LiveKeys;
import com.ms5.floor.app.model.StationDiagnostics;
import com.ms5.floor.app.runtime.TestStation;
import com.ms5.floor.app.live.LiveValues;
import com.ms5.floor.app.ui.setup.SetupView;
import com.ms5.floor.plc.api.Role;
import com.ms5.floor.plc.tagmap.TagMap;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * What a controls engineer does on the Setup tab, with the real app (virtual plant over PLC4X,
 * embedded PostgreSQL, Monocle): a typo in an address is caught before it reaches the floor and
 * undone; tags come in from an L5X export; a save becomes a configuration version that the
 * station polls by at once; the CSV round trip; a rollback through the version list.
 */
class SetupFlowTest extends TestApp {
    private final FxRobot robot = new FxRobot();

    @Test
    void anEngineerEditsTheFillersTagsSavesAVersionThePollerTakesLiveAndRollsItBack() throws Exception {
        start(demoAt30x());
        TestStation station = station();
        LiveValues hub = station.live();
        Await.until(Duration.ofSeconds(60), "the demo tag map stored as version 1 and line 1 polled",
                () -> station.tagMapVersion() == 1 && tagsPolled(hub, "line1-plc") > 0);
        int tagsBefore = tagsPolled(hub, "line1-plc");

        openSetupTab();
        Fx.run(() -> tree().getSelectionModel().select(treeItem("L1-FILLER")));
        Await.until(Duration.ofSeconds(10), "the filler's ten tags", () -> Fx.get(() -> table().getItems().size() == 10));
        assertThat(label("#versionLabel")).isEqualTo("Tag map version 1, saved");

        // A typo in an address: the row says where and what, and saving is not possible.
        editAddress(2, "L1_Filler.Total Count");
        Await.until(Duration.ofSeconds(5), "the row names the problem", () -> Fx.get(() ->
                problemOf(2).equals("address: 'L1_Filler.Total Count' at position 16: unexpected ' '")),
                () -> Fx.get(() -> "address " + address(2) + ", problem " + problemOf(2) + ", status " + label("#status")));
        assertThat(label("#versionLabel")).isEqualTo("Tag map version 1, 1 unsaved change(s), 1 problem(s) to fix before saving");
        assertThat(Fx.get(() -> button("#saveButton").isDisabled())).isTrue();
        robot.clickOn("#undoButton");
        Await.until(Duration.ofSeconds(5), "undo brings the address back", () -> Fx.get(() ->
                problemOf(2).isEmpty() && address(2).equals("L1_Filler.TotalCount")));
        assertThat(label("#versionLabel")).isEqualTo("Tag map version 1, saved");

        // Test read: every tag of the filler answers with a live value.
        robot.clickOn("#testReadButton");
        Await.until(Duration.ofSeconds(20), "each row shows its value and quality", () -> Fx.get(() ->
                table().getItems().stream().allMatch(r -> cell(table().getItems().indexOf(r), "Test read").endsWith("(GOOD)"))));
        assertThat(label("#status")).isEqualTo("Test read of L1-FILLER: 10 of 10 tag(s) answered.");
        assertThat(label("#statePreview")).matches("With the values read now, L1-FILLER is: (Running|Down|Starved|Blocked|"
                + "Planned stop|Changeover); (no Andon call|Andon calls: [a-z, ]+)\\.");

        // The filler's own state rule, typed: the preview answers at once on the values read; a rule
        // typed wrong or reading a tag the filler lacks is named and blocks saving; emptied, it follows the plant's again.
        typeRule("first of faultCode bit 31 = Down; otherwise Changeover");
        Await.until(Duration.ofSeconds(5), "the preview under the new rule", () -> Fx.get(() ->
                label("#statePreview").startsWith("With the values read now, L1-FILLER is: Changeover;")));
        typeRule("state word Status: ten = Running");
        Await.until(Duration.ofSeconds(5), "the mistake in words", () -> Fx.get(() -> label("#conventionProblem")
                .equals("⚠ State from: 'ten = Running' is not value = state; write e.g. 10 = Running")));
        typeRule("first of Faulted = Down");
        Await.until(Duration.ofSeconds(5), "the missing tag named, and no saving", () -> Fx.get(() -> label("#conventionProblem")
                .equals("⚠ a state condition reads 'Faulted', which L1-FILLER does not bind: add a tag named Faulted, or give "
                        + "the machine its own rule") && button("#saveButton").isDisabled()));
        typeRule("");
        Await.until(Duration.ofSeconds(5), "the plant's rule again, nothing to save", () -> Fx.get(() ->
                label("#versionLabel").equals("Tag map version 1, saved") && label("#conventionProblem").isEmpty()
                        && ((TextField) stage.getScene().lookup("#stateRuleField")).getPromptText()
                        .equals("the plant's: state word 'state': 1 = Running, 2 = Down, 3 = Down, 4 = Starved, 5 = Blocked, "
                                + "6 = Planned stop, 7 = Changeover; otherwise Down")));

        // From an L5X export: the capper's speed becomes a custom tag of the filler.
        SetupView view = Fx.get(() -> (SetupView) stage.getScene().lookup(".setup").getProperties().get(SetupView.class));
        Path l5x = Path.of(Objects.requireNonNull(getClass().getResource("/l5x/line1-demo.L5X")).toURI());
        Fx.run(() -> view.importL5x(l5x));
        Await.until(Duration.ofSeconds(10), "the import preview", () -> Fx.get(() -> dialog("Import line1-demo.L5X") != null));
        Fx.run(() -> {
            DialogPane pane = dialog("Import line1-demo.L5X");
            assertThat(pane.getHeaderText()).startsWith("Line1_PLC (1769-L33ER): 21 value(s), 20 can be read by PLC4X, 1 cannot");
            TableView<?> rows = (TableView<?>) pane.lookup("#l5xRows");
            for (Object item : rows.getItems()) {
                var row = (javafx.beans.property.SimpleBooleanProperty) field(item, "chosen");
                row.set(false); // the filler's own are bound already
            }
            Object capperSpeed = rows.getItems().stream().filter(i -> field(i, "row").toString().contains("L1_Capper.Speed"))
                    .findFirst().orElseThrow();
            ((javafx.beans.property.SimpleBooleanProperty) field(capperSpeed, "chosen")).set(true);
            @SuppressWarnings("unchecked")
            var role = (javafx.beans.property.SimpleObjectProperty<Role>) field(capperSpeed, "role");
            role.set(Role.CUSTOM);
            ((Button) pane.lookupButton(ButtonType.OK)).fire();
        });
        Await.until(Duration.ofSeconds(5), "an eleventh tag, named after the member", () -> Fx.get(() ->
                table().getItems().size() == 11 && address(10).equals("L1_Capper.Speed") && cell(10, "Name").equals("Speed")));

        // A new name for the machine, then save: version 2, and the poller reads the new tag at once.
        Fx.run(() -> {
            TextField name = (TextField) stage.getScene().lookup("#machineName");
            name.setText("Filler A");
            name.fireEvent(new javafx.event.ActionEvent());
        });
        Await.until(Duration.ofSeconds(5), "two unsaved changes", () -> Fx.get(() ->
                label("#versionLabel").equals("Tag map version 1, 2 unsaved change(s)")));
        robot.clickOn("#saveButton");
        Await.until(Duration.ofSeconds(20), "saved as version 2 and adopted by the station", () ->
                station.tagMapVersion() == 2 && Fx.get(() -> label("#status")
                        .equals("Saved as tag map version 2; every station polls by it now.")));
        ConfigVersion v2 = new ConfigVersionRepository(station.database(), station.stationId())
                .latest("tagmap").orElseThrow();
        assertThat(v2.summary()).isEqualTo("L1-FILLER name: Filler -> Filler A; L1-FILLER custom Speed added: L1_Capper.Speed (REAL)");
        assertThat(v2.author()).isEqualTo(System.getProperty("user.name") + " at " + station.stationId());
        assertThat(station.name("L1-FILLER")).isEqualTo("Filler A");
        Await.until(Duration.ofSeconds(20), "line 1's poller reads one tag more, none quarantined", () ->
                tagsPolled(hub, "line1-plc") == tagsBefore + 1 && quarantined(hub, "line1-plc") == 0);

        // CSV: what is exported imports back unchanged; a broken file names its rows and applies nothing.
        Path csv = home.resolve("bindings.csv");
        Fx.run(() -> view.exportCsv(csv));
        Await.until(Duration.ofSeconds(10), "the export is written", () -> Fx.get(() -> label("#status").startsWith("Exported ")));
        assertThat(Files.readString(csv)).contains("L1-FILLER,CUSTOM,Speed,L1_Capper.Speed,REAL,fast,0,,,,\r\n");
        Fx.run(() -> view.importCsv(csv));
        Await.until(Duration.ofSeconds(10), "the preview of every row", () -> Fx.get(() -> dialog("Import bindings.csv") != null));
        Fx.run(() -> ((Button) dialog("Import bindings.csv").lookupButton(ButtonType.OK)).fire());
        Await.until(Duration.ofSeconds(5), "applied, and nothing changed", () -> Fx.get(() ->
                label("#status").endsWith("binding(s) from bindings.csv applied.")
                        && label("#versionLabel").equals("Tag map version 2, saved")));
        Path broken = home.resolve("broken.csv");
        Files.writeString(broken, "machine,role,name,address,type,scanClass,deadband,rawLow,rawHigh,engLow,engHigh\n"
                + "L1-FILLER,SPEED,,L1_Filler.Speed,REAL,fast,0,,,,\nL1-FILLER,STATE,,L1_Filler.State,DINT,hourly,0,,,,\n",
                StandardCharsets.UTF_8);
        Fx.run(() -> view.importCsv(broken));
        Await.until(Duration.ofSeconds(10), "the preview names the bad row", () -> Fx.get(() -> dialog("Import broken.csv") != null));
        Fx.run(() -> {
            DialogPane pane = dialog("Import broken.csv");
            assertThat(pane.getHeaderText()).startsWith("1 of 2 row(s) have problems");
            assertThat(pane.lookupButton(ButtonType.OK).isDisabled()).isTrue();
            TableView<?> rows = (TableView<?>) pane.lookup("#csvRows");
            assertThat(rows.getItems().get(1).toString()).contains("line=3")
                    .contains("scanClass: 'hourly' is not a scan class of connection line1-plc");
            ((Button) pane.lookupButton(ButtonType.CANCEL)).fire();
        });

        // Roll back: version 1 from the list, loaded and saved, is version 3; the poller drops the tag again.
        robot.clickOn("#versionsButton");
        Await.until(Duration.ofSeconds(10), "the version list", () -> Fx.get(() -> dialog("2 version(s)") != null));
        Fx.run(() -> {
            DialogPane pane = dialog("2 version(s)");
            ListView<?> list = (ListView<?>) pane.lookup("#versionList");
            list.getSelectionModel().select(1);
            assertThat(((javafx.scene.control.TextArea) pane.lookup("#versionDiff")).getText())
                    .isEqualTo("L1-FILLER name: Filler A -> Filler\nL1-FILLER custom Speed removed");
            ((Button) pane.getButtonTypes().stream().filter(b -> b.getText().equals("Load this version"))
                    .map(pane::lookupButton).findFirst().orElseThrow()).fire();
        });
        robot.clickOn("#saveButton");
        Await.until(Duration.ofSeconds(20), "version 3 is live", () -> station.tagMapVersion() == 3
                && station.name("L1-FILLER").equals("Filler") && tagsPolled(hub, "line1-plc") == tagsBefore);
        // An engineer whose edits started from version 2 cannot overwrite version 3 unseen.
        assertThatThrownBy(() -> station.get(ConfigService.class).save(ConfigKind.TAG_MAP, station.tagMap(), 2).join()).rootCause()
                .hasMessageStartingWith("Version 3 was saved by " + System.getProperty("user.name") + " at "
                        + station.stationId() + " at ")
                .hasMessageContaining("after you started from version 2");
        ConfigVersionRepository versions = new ConfigVersionRepository(station.database(), station.stationId());
        assertThat(com.ms5.floor.plc.tagmap.TagMapFile.toJson(parse(versions.version("tagmap", 3).orElseThrow())))
                .isEqualTo(com.ms5.floor.plc.tagmap.TagMapFile.toJson(parse(versions.version("tagmap", 1).orElseThrow())));

        // The capper dragged to the end of line 2: once saved, line 2's status lists it and line 1's no longer does.
        Fx.run(() -> view.dropMachine("L1-CAPPER", "L2", 5));
        Await.until(Duration.ofSeconds(5), "one unsaved change", () -> Fx.get(() ->
                label("#versionLabel").equals("Tag map version 3, 1 unsaved change(s)")), () -> label("#versionLabel") + " | " + label("#status"));
        robot.clickOn("#saveButton");
        Await.until(Duration.ofSeconds(20), "version 4 is live", () -> station.tagMapVersion() == 4);
        assertThat(versions.latest("tagmap").orElseThrow().summary()).contains("L1-CAPPER line: L1 -> L2");
        Await.until(Duration.ofSeconds(10), "line 2's status lists the capper last, line 1's does not", () -> {
            LineStatus l1 = hub.latest(LiveKeys.line("L1"));
            LineStatus l2 = hub.latest(LiveKeys.line("L2"));
            return l2.machines().getLast().id().equals("L1-CAPPER")
                    && l1.machines().stream().noneMatch(m -> m.id().equals("L1-CAPPER"));
        });
    }

    @Test
    void anEngineerAddsALineWithAMachineOnANewPlcConnectionThenRemovesThem() throws Exception {
        start(demoAt30x());
        TestStation station = station();
        LiveValues hub = station.live();
        Await.until(Duration.ofSeconds(60), "the demo tag map stored as version 1", () -> station.tagMapVersion() == 1);
        openSetupTab();
        // The new PLC is line 1's virtual controller under another name, so it really answers.
        int line1Port = station.virtualPlant().controller("line1-plc").port();

        addEquipment("PLC connection…", "New PLC connection", pane -> {
            ((TextField) pane.lookup("#newId")).setText("line4-plc");
            ((TextField) pane.lookup("#newHost")).setText("127.0.0.1");
        });
        Await.until(Duration.ofSeconds(5), "the new connection selected, with its form", () -> Fx.get(() ->
                stage.getScene().lookup("#connectionPort") instanceof TextField f && f.isVisible()
                        && f.getText().equals("44818")));
        Fx.run(() -> {
            TextField port = (TextField) stage.getScene().lookup("#connectionPort");
            port.setText(Integer.toString(line1Port));
            port.fireEvent(new javafx.event.ActionEvent());
        });
        addEquipment("Line…", "New line", pane -> {
            assertThat(((TextField) pane.lookup("#newId")).getText()).isEqualTo("L4"); // the first free one
            ((TextField) pane.lookup("#newName")).setText("Line 4");
        });
        addEquipment("Machine…", "New machine", pane -> {
            TextField id = (TextField) pane.lookup("#newId");
            id.setText("L1-FILLER");
            assertThat(((Label) pane.lookup("#newProblem")).getText()).isEqualTo("'L1-FILLER' is used by other equipment already.");
            assertThat(pane.lookupButton(ButtonType.OK).isDisabled()).isTrue();
            id.setText("L4-FILLER");
            ((TextField) pane.lookup("#newName")).setText("Filler 4");
            assertThat(((javafx.scene.control.ComboBox<?>) pane.lookup("#newLine")).getValue()).isEqualTo("L4");
            @SuppressWarnings("unchecked")
            var connection = (javafx.scene.control.ComboBox<String>) pane.lookup("#newConnection");
            connection.setValue("line4-plc");
        });
        Await.until(Duration.ofSeconds(5), "the new machine selected, without tags", () -> Fx.get(() ->
                treeItem("L4-FILLER") != null && tree().getSelectionModel().getSelectedItem() == treeItem("L4-FILLER")
                        && table().getItems().isEmpty()));

        // Its tags: the filler's, copied.
        Fx.run(() -> tree().getSelectionModel().select(treeItem("L1-FILLER")));
        Fx.run(() -> javafx.application.Platform.runLater(() -> button("#copyButton").fire()));
        Await.until(Duration.ofSeconds(10), "the copy dialog", () -> Fx.get(() -> dialog("Copy tags") != null));
        Fx.run(() -> {
            DialogPane pane = dialog("Copy tags");
            @SuppressWarnings("unchecked")
            var target = (javafx.scene.control.ComboBox<String>) pane.lookup("#copyTarget");
            target.setValue("L4-FILLER");
            ((TextField) pane.lookup("#copyTo")).setText("L1_Filler");
            ((Button) pane.lookupButton(ButtonType.OK)).fire();
        });
        Await.until(Duration.ofSeconds(5), "three changes and no problem", () -> Fx.get(() ->
                label("#versionLabel").equals("Tag map version 1, 3 unsaved change(s)")), () -> label("#versionLabel"));
        robot.clickOn("#saveButton");
        Await.until(Duration.ofSeconds(20), "version 2 is live", () -> station.tagMapVersion() == 2);
        ConfigVersionRepository versions = new ConfigVersionRepository(station.database(), station.stationId());
        assertThat(versions.latest("tagmap").orElseThrow().summary())
                .isEqualTo("connection line4-plc added; line L4 added; machine L4-FILLER added");
        Await.until(Duration.ofSeconds(30), "the new connection polled, and line 4 on the plant overview with its filler",
                () -> tagsPolled(hub, "line4-plc") == 10 && hub.<java.util.List<String>>latest(LiveKeys.LINES).contains("L4")
                        && hub.<LineStatus>latest(LiveKeys.line("L4")) != null
                        && hub.<LineStatus>latest(LiveKeys.line("L4")).machines().getFirst().name().equals("Filler 4"),
                () -> "polled " + tagsPolled(hub, "line4-plc") + ", lines " + hub.latest(LiveKeys.LINES));

        // Removing: the connection is refused while the filler reads through it; the line goes with its machine.
        selectInTree("connection", "line4-plc");
        Fx.run(() -> button("#removeEquipmentButton").fire());
        Await.until(Duration.ofSeconds(5), "the refusal names the machine", () -> Fx.get(() -> label("#status").equals(
                "line4-plc cannot be removed: L4-FILLER read through it. Give them another PLC connection or remove them first.")));
        selectInTree("line", "L4");
        clickRemoveAndConfirm("Remove L4");
        selectInTree("connection", "line4-plc");
        clickRemoveAndConfirm("Remove line4-plc");
        Await.until(Duration.ofSeconds(5), "three unsaved changes", () -> Fx.get(() ->
                label("#versionLabel").equals("Tag map version 2, 3 unsaved change(s)")), () -> label("#versionLabel"));
        robot.clickOn("#saveButton");
        Await.until(Duration.ofSeconds(20), "version 3: three lines and no line4-plc", () -> station.tagMapVersion() == 3
                && hub.<java.util.List<String>>latest(LiveKeys.LINES).equals(java.util.List.of("L1", "L2", "L3"))
                && hub.<StationDiagnostics>latest(LiveKeys.DIAGNOSTICS).connections().stream()
                        .noneMatch(c -> c.id().equals("line4-plc")));
        assertThat(versions.latest("tagmap").orElseThrow().summary())
                .isEqualTo("connection line4-plc removed; line L4 removed; machine L4-FILLER removed");
    }

    /** Types a state rule for the selected machine and leaves the field with Enter. */
    private void typeRule(String text) {
        Fx.run(() -> {
            TextField field = (TextField) stage.getScene().lookup("#stateRuleField");
            field.setText(text);
            field.fireEvent(new javafx.event.ActionEvent());
        });
    }

    private void openSetupTab() {
        selectTab("setupTab");
        Await.until(Duration.ofSeconds(10), "the equipment tree lists the filler", () -> Fx.get(() ->
                tree() != null && treeItem("L1-FILLER") != null)); // the tab's content joins the scene on a later pulse
    }

    /** Add → item, as a click would; fills the dialog with {@code fill} and presses OK. */
    private void addEquipment(String item, String title, java.util.function.Consumer<DialogPane> fill) {
        Fx.run(() -> {
            var add = (javafx.scene.control.MenuButton) stage.getScene().lookup("#addEquipmentButton");
            var menuItem = add.getItems().stream().filter(i -> i.getText().equals(item)).findFirst().orElseThrow();
            javafx.application.Platform.runLater(menuItem::fire); // the dialog waits in a loop of its own
        });
        Await.until(Duration.ofSeconds(10), "the dialog " + title, () -> Fx.get(() -> dialog(title) != null));
        Fx.run(() -> {
            DialogPane pane = dialog(title);
            fill.accept(pane);
            ((Button) pane.lookupButton(ButtonType.OK)).fire();
        });
        Await.until(Duration.ofSeconds(5), "the dialog " + title + " closed", () -> Fx.get(() -> dialog(title) == null));
    }

    private void selectInTree(String kind, String id) {
        Fx.run(() -> tree().getSelectionModel().select(findNode(tree().getRoot(), kind, id)));
    }

    private static TreeItem<Object> findNode(TreeItem<Object> item, String kind, String id) {
        if (field(item.getValue(), "kind").equals(kind) && field(item.getValue(), "id").equals(id)) {
            return item;
        }
        for (TreeItem<Object> child : item.getChildren()) {
            TreeItem<Object> found = findNode(child, kind, id);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private void clickRemoveAndConfirm(String title) {
        Fx.run(() -> javafx.application.Platform.runLater(() -> button("#removeEquipmentButton").fire()));
        Await.until(Duration.ofSeconds(10), "the question " + title, () -> Fx.get(() -> dialog(title) != null));
        Fx.run(() -> ((Button) dialog(title).lookupButton(ButtonType.OK)).fire());
    }

    private static TagMap parse(ConfigVersion v) {
        return com.ms5.floor.plc.tagmap.TagMapFile.fromJson(v.document(), "v" + v.version());
    }

    private static int tagsPolled(LiveValues hub, String connection) {
        StationDiagnostics d = hub.latest(LiveKeys.DIAGNOSTICS);
        return d == null ? 0 : d.connections().stream().filter(c -> c.id().equals(connection) && c.health() != null)
                .mapToInt(c -> c.health().tags()).findFirst().orElse(0);
    }

    private static int quarantined(LiveValues hub, String connection) {
        StationDiagnostics d = hub.latest(LiveKeys.DIAGNOSTICS);
        return d.connections().stream().filter(c -> c.id().equals(connection)).mapToInt(c -> c.health().quarantined().size())
                .findFirst().orElse(-1);
    }

    @SuppressWarnings("unchecked")
    private TreeView<Object> tree() {
        return (TreeView<Object>) stage.getScene().lookup(".equipment-tree");
    }

    private TreeItem<Object> treeItem(String machineId) {
        return find(tree().getRoot(), machineId);
    }

    private static TreeItem<Object> find(TreeItem<Object> item, String id) {
        if (item == null) {
            return null;
        }
        if (item.getValue().toString().contains("[" + id + "]")) {
            return item;
        }
        for (TreeItem<Object> child : item.getChildren()) {
            TreeItem<Object> found = find(child, id);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private TableView<Object> table() {
        return (TableView<Object>) stage.getScene().lookup(".bindings-table");
    }

    /** A cell's text as the table shows it. */
    private String cell(int row, String column) {
        TableColumn<Object, ?> c = table().getColumns().stream().filter(col -> col.getText().equals(column)).findFirst()
                .orElseThrow();
        return String.valueOf(c.getCellData(row));
    }

    private String address(int row) {
        return cell(row, "Address");
    }

    private String problemOf(int row) {
        return cell(row, "Problem");
    }

    /**
     * Starts editing the address cell as a double click would, types the text, and commits it as
     * Enter does (the cell's field fires its action). Only a cell being edited holds a text field.
     */
    @SuppressWarnings("unchecked")
    private void editAddress(int row, String text) {
        Fx.run(() -> {
            table().getSelectionModel().clearAndSelect(row);
            table().edit(row, (TableColumn<Object, ?>) table().getColumns().stream()
                    .filter(c -> c.getText().equals("Address")).findFirst().orElseThrow());
        });
        Await.until(Duration.ofSeconds(5), "the address cell is being edited", () -> Fx.get(() ->
                !table().lookupAll(".table-cell .text-field").isEmpty()));
        Fx.run(() -> {
            TextField field = (TextField) table().lookupAll(".table-cell .text-field").iterator().next();
            field.setText(text);
            field.fireEvent(new javafx.event.ActionEvent());
        });
    }

    private static Object field(Object item, String name) {
        try {
            var f = item.getClass().getDeclaredField(name);
            f.setAccessible(true);
            return f.get(item);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
