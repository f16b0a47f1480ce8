package com.ms5.floor.app;

import com.ms5.floor.app.model.ConfigVersion;
import static org.assertj.core.api.Assertions.assertThat;

import com.ms5.floor.analytics.TimeRange;
import com.ms5.floor.analytics.state.MachineState;
import com.ms5.floor.app.persistence.ConfigVersionRepository;
import com.ms5.floor.app.rules.PlantRulesJson;
import com.ms5.floor.app.runtime.ConfigKind;
import com.ms5.floor.app.runtime.TestStation;
import java.time.Duration;
import java.time.Instant;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TablePosition;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * What a controls engineer does on the Rules tab, with the real app (virtual plant, embedded
 * PostgreSQL, Monocle): a new downtime reason under Mechanical that a fault code now gives its
 * stops; a shift typed wrong and one that overlaps another, each named in its row and not
 * savable; Andon escalation to the fitter after one minute; the save becomes plant rules version 2,
 * which analytics takes up live; and a rollback to version 1 through the version list.
 */
class RulesFlowTest extends TestApp {
    private final FxRobot robot = new FxRobot();

    @Test
    void anEngineerChangesReasonsShiftsAndEscalationSavesAVersionAnalyticsTakesLiveAndRollsItBack() throws Exception {
        start(demoAt30x());
        TestStation station = station();
        Await.until(Duration.ofSeconds(60), "the demo rules stored as version 1", () -> station.rulesVersion() == 1);
        selectTab("rulesTab");
        Await.until(Duration.ofSeconds(10), "the reason tree of the demo", () -> Fx.get(() ->
                table("#reasonTable") != null && table("#reasonTable").getItems().size() == 25));
        assertThat(label("#versionLabel")).isEqualTo("Plant rules version 1, saved");

        // A new reason under Mechanical, and fault 101 gives it to its stops from now on.
        robot.clickOn("#addReasonButton");
        Await.until(Duration.ofSeconds(5), "a 26th reason", () -> Fx.get(() -> table("#reasonTable").getItems().size() == 26));
        typeInto("#reasonTable", 25, "Name", "Starwheel worn");
        commit("#reasonTable", 25, "Under", "mechanical");
        commit("#faultTable", 0, "Reason of its stops", "reason-1");
        Await.until(Duration.ofSeconds(5), "two unsaved changes", () -> Fx.get(() ->
                label("#versionLabel").equals("Plant rules version 1, 2 unsaved change(s)")));

        // Shifts: a time typed wrong, then a start that overlaps the early shift; each is named in its row.
        select("shiftsPage");
        Await.until(Duration.ofSeconds(5), "the three shifts", () -> Fx.get(() ->
                table("#shiftTable") != null && table("#shiftTable").getItems().size() == 3));
        typeInto("#shiftTable", 1, "Start", "1400");
        Await.until(Duration.ofSeconds(5), "the row names the problem", () -> Fx.get(() ->
                cell("#shiftTable", 1, "Problem").equals("⚠ start: '1400' is not a time of day; write it as 06:00")));
        assertThat(Fx.get(() -> button("#saveButton").isDisabled())).isTrue();
        typeInto("#shiftTable", 1, "Start", "13:00");
        Await.until(Duration.ofSeconds(5), "the overlap is named", () -> Fx.get(() ->
                cell("#shiftTable", 1, "Problem").equals("⚠ times: overlaps shift 'Early'; a moment belongs to one shift")));
        typeInto("#shiftTable", 1, "Days", "Mox-Fri");
        Await.until(Duration.ofSeconds(5), "a day that is not one is refused in words", () -> Fx.get(() ->
                label("#status").equals("'mox' is not a day; write Mon Tue Wed Thu Fri Sat Sun, Mon-Fri or every day")));
        robot.clickOn("#undoButton");
        robot.clickOn("#undoButton");
        Await.until(Duration.ofSeconds(5), "undo brings the late shift back", () -> Fx.get(() ->
                cell("#shiftTable", 1, "Start").equals("14:00") && cell("#shiftTable", 1, "Problem").isEmpty()));

        // Andon: maintenance calls are fitter calls, and the fitter is called after one minute.
        select("andonPage");
        Await.until(Duration.ofSeconds(5), "the four call types", () -> Fx.get(() ->
                table("#callTypeTable") != null && table("#callTypeTable").getItems().size() == 4));
        typeInto("#callTypeTable", 0, "Label on the board", "Fitter");
        typeInto("#callTypeTable", 0, "Escalation (minutes after the call, who is called)", "0 min line lead; 1 min fitter");
        Await.until(Duration.ofSeconds(5), "four unsaved changes", () -> Fx.get(() ->
                label("#versionLabel").equals("Plant rules version 1, 4 unsaved change(s)")));

        robot.clickOn("#saveButton");
        Await.until(Duration.ofSeconds(20), "saved as version 2 and taken up by analytics", () ->
                station.rulesVersion() == 2 && Fx.get(() -> label("#status")
                        .equals("Saved as plant rules version 2; analytics on every station uses them now.")));
        ConfigVersionRepository versions = new ConfigVersionRepository(station.database(), station.stationId());
        ConfigVersion v2 = versions.latest(ConfigKind.PLANT_RULES.id()).orElseThrow();
        assertThat(v2.summary()).isEqualTo("reason reason-1 added: name Starwheel worn, parent mechanical, category "
                + "BREAKDOWN; fault code 101 reason: fault-101 -> reason-1; Andon maintenance label: "
                + "Maintenance -> Fitter; Andon maintenance escalation: 0 min line lead; 5 min maintenance planner; 15 min "
                + "plant manager -> 0 min line lead; 1 min fitter");
        assertThat(v2.author()).isEqualTo(System.getProperty("user.name") + " at " + station.stationId());
        // The line view's reason picker offers the new reason where it belongs.
        Instant now = Instant.now();
        assertThat(station.downtime().lineHistory("L1", new TimeRange(now.minusSeconds(60), now), done -> { }).join().reasons().path("reason-1"))
                .isEqualTo("Mechanical / Starwheel worn");

        // Roll back: version 1 from the list, loaded and saved, is version 3.
        robot.clickOn("#versionsButton");
        Await.until(Duration.ofSeconds(10), "the version list", () -> Fx.get(() -> dialog("2 version(s)") != null));
        Fx.run(() -> {
            DialogPane pane = dialog("2 version(s)");
            ListView<?> list = (ListView<?>) pane.lookup("#versionList");
            list.getSelectionModel().select(1);
            assertThat(((javafx.scene.control.TextArea) pane.lookup("#versionDiff")).getText()).startsWith(
                    "reason reason-1 removed\nfault code 101 reason: reason-1 -> fault-101\n");
            ((Button) pane.getButtonTypes().stream().filter(b -> b.getText().equals("Load this version"))
                    .map(pane::lookupButton).findFirst().orElseThrow()).fire();
        });
        robot.clickOn("#saveButton");
        Await.until(Duration.ofSeconds(20), "version 3 is live", () -> station.rulesVersion() == 3);
        assertThat(PlantRulesJson.fromJson(versions.version(ConfigKind.PLANT_RULES.id(), 3).orElseThrow().document(), "v3"))
                .isEqualTo(PlantRulesJson.fromJson(versions.version(ConfigKind.PLANT_RULES.id(), 1).orElseThrow().document(), "v1"));
    }

    /**
     * The engineer's page for how stops count and cost: line 1's downtime costs 12.50 € a minute
     * (18 EUR in the demo) and a breakdown anywhere 40; micro-stops end at 90 s (the filler's at 30 s); a team meeting
     * stops line 2 for the next hours. Mistyped values are refused in words and block Save. Once
     * saved, analytics counts line 2's stops in the meeting as planned with its name and line 1's as
     * before, and the Line tab ranks line 1's reasons by money.
     */
    @Test
    void anEngineerSetsCostsThresholdsAndAPlannedStopOfOneLineThatAnalyticsCountsLive() throws Exception {
        start(demoAt30x());
        TestStation station = station();
        Await.until(Duration.ofSeconds(60), "the demo rules stored as version 1", () -> station.rulesVersion() == 1);
        selectTab("rulesTab");
        select("figuresPage");
        Await.until(Duration.ofSeconds(10), "a cost row per line and per loss category", () -> Fx.get(() ->
                table("#costTable") != null && table("#costTable").getItems().size() == 3 + 5));

        typeInto("#costTable", 0, "Cost per minute", "12,5");
        typeInto("#costTable", 3, "Cost per minute", "forty");
        Await.until(Duration.ofSeconds(5), "a cost that is no number is refused", () -> Fx.get(() -> label("#status")
                .equals("'forty' is not an amount for the cost per minute of Breakdown stops, any line; write 12.50, or leave it empty")));
        typeInto("#costTable", 3, "Cost per minute", "40");
        type("#currencyField", "€");
        type("#microStopField", "90");

        robot.clickOn("#addWindowButton");
        java.time.LocalDateTime now = java.time.LocalDateTime.ofInstant(station.get(java.time.Clock.class).instant(),
                java.time.ZoneOffset.UTC); // the demo's rules keep plant time in UTC
        java.time.format.DateTimeFormatter minute = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
        typeInto("#plannedWindowTable", 0, "From", now.minusHours(1).format(minute));
        typeInto("#plannedWindowTable", 0, "To", "after lunch");
        Await.until(Duration.ofSeconds(5), "the row names its problem, and Save waits", () -> Fx.get(() ->
                cell("#plannedWindowTable", 0, "Problem").equals(
                        "⚠ to: 'after lunch' is not a date and time; write it as 2026-12-08 10:00")
                        && button("#saveButton").isDisabled()));
        typeInto("#plannedWindowTable", 0, "To", now.plusHours(3).format(minute));
        typeInto("#plannedWindowTable", 0, "Lines (empty: all)", "L2");
        typeInto("#plannedWindowTable", 0, "What for", "Team meeting");

        select("productsPage");
        int filler = Fx.get(() -> table("#cycleTable").getItems().stream().map(Object::toString).toList()
                .indexOf(table("#cycleTable").getItems().stream().map(Object::toString)
                        .filter(r -> r.contains("machine=L1-FILLER")).findFirst().orElseThrow()));
        typeInto("#cycleTable", filler, "Micro-stop s", "30");
        Await.until(Duration.ofSeconds(5), "nothing left to fix", () -> Fx.get(() -> !button("#saveButton").isDisabled()));

        robot.clickOn("#saveButton");
        Await.until(Duration.ofSeconds(20), "saved as version 2 and taken up by analytics", () -> station.rulesVersion() == 2);
        Instant saved = station.get(java.time.Clock.class).instant().plusSeconds(30); // plant time, with room for the hand-over
        ConfigVersion v2 = new ConfigVersionRepository(station.database(), station.stationId())
                .latest(ConfigKind.PLANT_RULES.id()).orElseThrow();
        assertThat(v2.summary().split("; ")).contains("ideal cycle of L1-FILLER micro-stop threshold: (none) -> 30 s",
                "micro-stop threshold: 120 s -> 90 s", "currency: EUR -> €", "cost per minute of line L1: 18.0 -> 12.5",
                "cost per minute of Breakdown: (none) -> 40.0");
        assertThat(v2.summary()).contains("planned window " + now.minusHours(1).format(minute) + " Team meeting added: to "
                + now.plusHours(3).format(minute) + ", lines L2");

        // Line 2 stops in the meeting are planned, by its name; line 1 knows no meeting.
        java.util.Set<MachineState> stops = java.util.EnumSet.of(MachineState.UNPLANNED_DOWN, MachineState.MICRO_STOP,
                MachineState.STARVED, MachineState.BLOCKED);
        Await.until(Duration.ofSeconds(90), "a line 2 machine planned down for the team meeting, and a line 1 stop since", () ->
                intervals("L2").stream().anyMatch(i -> i.state() == MachineState.PLANNED_DOWN && "Team meeting".equals(i.reason()))
                        && intervals("L1").stream().anyMatch(i -> i.start().isAfter(saved) && stops.contains(i.state())));
        assertThat(intervals("L2")).filteredOn(i -> i.start().isAfter(saved)).noneMatch(i -> stops.contains(i.state()));
        assertThat(intervals("L1")).noneMatch(i -> "Team meeting".equals(i.reason()));

        // The Line tab ranks line 1's reasons by money.
        selectTab("lineTab");
        Fx.run(() -> ((javafx.scene.control.ComboBox<Object>) stage.getScene().lookup("#paretoMeasureChoice"))
                .getSelectionModel().select(com.ms5.floor.analytics.downtime.DowntimeStats.Measure.COST));
        Await.until(Duration.ofSeconds(30), "the Pareto in money", () -> Fx.get(() -> stage.getScene().getRoot()
                .lookupAll(".line-detail .panel .label").stream().map(n -> ((javafx.scene.control.Label) n).getText())
                .anyMatch(t -> t.matches("[\\d.]+ min · \\d+ stop\\(s\\) · [\\d,]+ € · \\d+ % cum\\."))));
    }

    /** Line's retained intervals since the station started, from analytics on this station. */
    private java.util.List<com.ms5.floor.analytics.state.StateInterval> intervals(String line) {
        TestStation station = station();
        Instant now = station.get(java.time.Clock.class).instant();
        return station.analytics().history(line, new TimeRange(now.minus(Duration.ofHours(2)), now), "test").join().rows()
                .stream().flatMap(r -> r.intervals().stream()).toList();
    }

    /** Types into a field and leaves it with Enter, as a person does. */
    private void type(String field, String text) {
        Fx.run(() -> {
            TextField f = (TextField) stage.getScene().lookup(field);
            f.requestFocus();
            f.setText(text);
            f.fireEvent(new javafx.event.ActionEvent());
        });
    }

    private void select(String pageId) {
        Fx.run(() -> {
            TabPane pages = (TabPane) stage.getScene().lookup("#pages");
            pages.getSelectionModel().select(pages.getTabs().stream().filter(t -> pageId.equals(t.getId())).findFirst()
                    .orElseThrow());
        });
    }

    @SuppressWarnings("unchecked")
    private TableView<Object> table(String id) {
        return (TableView<Object>) stage.getScene().lookup(id);
    }

    @SuppressWarnings("unchecked")
    private TableColumn<Object, Object> column(String table, String title) {
        return (TableColumn<Object, Object>) table(table).getColumns().stream().filter(c -> c.getText().equals(title))
                .findFirst().orElseThrow();
    }

    private String cell(String table, int row, String column) {
        return String.valueOf(column(table, column).getCellData(row));
    }

    /**
     * Starts editing a text cell as a double click would, types the text, and commits it as Enter
     * does (the cell's field fires its action).
     */
    private void typeInto(String table, int row, String column, String text) {
        Fx.run(() -> {
            table(table).getSelectionModel().clearAndSelect(row);
            table(table).edit(row, column(table, column));
        });
        Await.until(Duration.ofSeconds(5), column + " is being edited", () -> Fx.get(() ->
                !table(table).lookupAll(".table-cell .text-field").isEmpty()));
        Fx.run(() -> {
            TextField field = (TextField) table(table).lookupAll(".table-cell .text-field").iterator().next();
            field.setText(text);
            field.fireEvent(new javafx.event.ActionEvent());
        });
    }

    /** Commits a choice in a drop-down cell, as picking it from the list does. */
    private void commit(String table, int row, String column, Object value) {
        Fx.run(() -> {
            TableColumn<Object, Object> c = column(table, column);
            c.getOnEditCommit().handle(new TableColumn.CellEditEvent<>(table(table), new TablePosition<>(table(table), row, c),
                    TableColumn.editCommitEvent(), value));
        });
    }
}
