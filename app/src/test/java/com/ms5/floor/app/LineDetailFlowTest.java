package com.ms5.floor.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ms5.floor.analytics.downtime.DowntimeEvent;
import com.ms5.floor.analytics.downtime.DowntimeLog;
import com.ms5.floor.app.runtime.TestStation;
import com.ms5.floor.app.ui.line.LineDetailViewModel;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * What a supervisor does on the line detail, with the real app (virtual plant over PLC4X, embedded
 * PostgreSQL, Monocle): open a line from the plant overview, give a stop its reason from the
 * keyboard, and split a stop with two causes. Every change is checked in the database.
 */
class LineDetailFlowTest extends TestApp {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
    private final FxRobot robot = new FxRobot();

    @Test
    void aSupervisorOpensALineAndGivesAStopItsReasonFromTheKeyboard() throws Exception {
        start(demoAt30x());
        TestStation station = station();

        Await.until(Duration.ofSeconds(60), "Line 2's card on the plant overview",
                () -> Fx.get(() -> stage.getScene().lookup("#line-L2") != null));
        robot.clickOn("#line-L2");
        Await.until(Duration.ofSeconds(10), "the line tab shows Line 2", () -> Fx.get(() ->
                ((TabPane) stage.getScene().lookup("#tabs")).getSelectionModel().getSelectedItem().getId().equals("lineTab")
                        && ((Label) stage.getScene().lookup(".line-detail .title")).getText().startsWith("Line 2")));
        Await.until(Duration.ofSeconds(60), "a timeline row per machine of Line 2, and stops from the shared database",
                () -> Fx.get(() -> String.valueOf(stage.getScene().lookup(".timeline-chart").getAccessibleText())
                        .matches("5 machines, \\d+ stretches, [1-9]\\d* stops")
                        && stops().getItems().size() >= 2
                        && stops().getItems().stream().allMatch(s -> s.lineId().equals("L2"))));
        com.ms5.floor.app.live.LiveValues hub = station.live();
        Await.until(Duration.ofSeconds(30), "the OEE trend: every hour of the shift on its axis, a point in per cent for each "
                + "hour with data, none for the hours before the station ran", () -> Fx.get(() -> {
            var trend = (javafx.scene.chart.LineChart<?, ?>) stage.getScene().lookup(".oee-trend");
            com.ms5.floor.app.model.LineStatus line = hub.latest(com.ms5.floor.app.live.LiveKeys.line("L2"));
            if (line == null || line.hours().isEmpty()) {
                return false;
            }
            long withData = line.hours().stream().filter(h -> !Double.isNaN(h.oee())).count();
            var points = trend.getData().stream().flatMap(series -> series.getData().stream()).toList();
            return ((javafx.scene.chart.CategoryAxis) trend.getXAxis()).getCategories().size() == line.hours().size()
                    && withData > 0 && points.size() == withData
                    && points.stream().allMatch(d -> ((Number) d.getYValue()).doubleValue() >= 0
                    && ((Number) d.getYValue()).doubleValue() <= 100);
        }));
        Await.until(Duration.ofSeconds(60), "the history is read from the shared database", () -> Fx.get(() ->
                ((Label) stage.getScene().lookup(".line-detail .status-bar .label:last-child")) != null
                        && stage.getScene().getRoot().lookupAll(".line-detail .status-bar .label").stream()
                        .anyMatch(n -> ((Label) n).getText().equals("Read from: shared database"))));

        // A click on availability shows how it adds up: the formula with its two times, and every time behind it.
        robot.clickOn("#lineAvailabilityTile");
        Await.until(Duration.ofSeconds(10), "the arithmetic of line 2's availability", () -> Fx.get(() ->
                dialog("How Line 2") != null && dialog("How Line 2").getHeaderText()
                        .matches("Availability [\\d.]+ % = run time ÷ planned busy time = .+ ÷ .+")
                        && dialog("How Line 2").getContent().lookupAll(".label").stream()
                        .anyMatch(n -> ((Label) n).getText().equals("  Run time (APT)"))));
        Fx.run(() -> dialog("How Line 2").getScene().getWindow().hide());

        // A machine down, starved or blocked right now is the list's first row, its length still going;
        // it takes its reason once it has ended.
        Await.until(Duration.ofSeconds(60), "an open stop at the top of the list", () -> Fx.get(() ->
                !stops().getItems().isEmpty() && LineDetailViewModel.isOpen(stops().getItems().getFirst())
                        && String.valueOf(stops().getColumns().get(2).getCellData(0)).endsWith(" so far")));
        Fx.run(() -> {
            stops().requestFocus();
            stops().getSelectionModel().select(0);
        });
        robot.type(KeyCode.ENTER);
        Await.until(Duration.ofSeconds(10), "Enter on it says why it takes no reason yet", () -> Fx.get(() -> messages()
                .contains("This stop is still going; give it its reason once it has ended (it stays at the top of the list until then).")));
        assertThat(reasonDialog()).isNull();

        // Keyboard only: into the stops table, the newest ended stop, Enter; type a search, Enter saves.
        Fx.run(() -> {
            stops().requestFocus();
            stops().getSelectionModel().select(stops().getItems().stream().filter(s -> !LineDetailViewModel.isOpen(s))
                    .findFirst().orElseThrow());
        });
        DowntimeEvent stop = Fx.get(() -> stops().getSelectionModel().getSelectedItem()); // kept by id across reloads
        robot.type(KeyCode.ENTER);
        Await.until(Duration.ofSeconds(10), "the reason dialog opens on the search field",
                () -> Fx.get(() -> reasonDialog() != null && reasonDialog().lookup("#reasonSearch").isFocused()));
        typeKeys("air pressure");
        Await.until(Duration.ofSeconds(10), "the search picks the one matching reason", () -> Fx.get(() -> {
            var tree = (javafx.scene.control.TreeView<?>) reasonDialog().lookup("#reasonTree");
            var chosen = tree.getSelectionModel().getSelectedItem();
            return chosen != null && chosen.getValue().toString().contains("Low air pressure");
        }), () -> Fx.get(() -> "search field: " + ((TextField) reasonDialog().lookup("#reasonSearch")).getText()));
        robot.type(KeyCode.ENTER);
        Await.until(Duration.ofSeconds(20), "the dialog closes once the database has the reason",
                () -> Fx.get(() -> reasonDialog() == null));
        assertThat(row("SELECT reason_id, version, edited_by FROM downtime_event WHERE id = '" + stop.id() + "'"))
                .containsExactly("fault-102", "1", System.getProperty("user.name") + " at " + station.stationId());
        Await.until(Duration.ofSeconds(20), "the table shows the new reason", () -> Fx.get(() ->
                stops().getItems().stream().anyMatch(s -> s.id().equals(stop.id()) && s.reasonId().equals("fault-102"))));
        assertThat(Fx.get(() -> stage.getScene().getRoot().lookupAll(".line-detail .status-bar .label").stream()
                .map(n -> ((Label) n).getText()).toList())).contains("Reason saved: Electrical and utilities / Low air pressure");

        // Another station's view from before the edit is refused, naming who was first.
        assertThatThrownBy(() -> station.assignReason(stop, "fault-101", "").join())
                .rootCause().isInstanceOf(DowntimeLog.EditConflict.class)
                .hasMessageStartingWith("Already changed by " + System.getProperty("user.name") + " at " + station.stationId());

        // A stop with two causes is split at a time inside it: the second part is a new stop, unassigned.
        DowntimeEvent longest = Fx.get(() -> stops().getItems().stream().filter(s -> !LineDetailViewModel.isOpen(s))
                .max(java.util.Comparator.comparing(DowntimeEvent::seconds)).orElseThrow());
        assertThat(longest.seconds()).as("a stop of 2 s or more to split").isGreaterThanOrEqualTo(2);
        var middle = longest.start().plus(Duration.between(longest.start(), longest.end()).dividedBy(2))
                .atZone(ZoneId.systemDefault());
        String cut = CLOCK.format(middle.getSecond() == longest.start().atZone(ZoneId.systemDefault()).getSecond()
                ? middle.plusSeconds(1) : middle);
        Fx.run(() -> {
            stops().getSelectionModel().select(longest);
            stops().requestFocus();
        });
        robot.type(KeyCode.ENTER);
        Await.until(Duration.ofSeconds(10), "the reason dialog opens", () -> Fx.get(() -> reasonDialog() != null));
        Fx.run(() -> ((TextField) reasonDialog().lookup("#splitAt")).setText("99:00"));
        robot.clickOn("#splitButton");
        Await.until(Duration.ofSeconds(5), "a time that is no time is refused with its fix", () -> Fx.get(() ->
                reasonDialog().lookupAll(".problem").stream().anyMatch(n -> ((Label) n).getText()
                        .equals("\"99:00\" is not a time of day; write it as HH:mm:ss, for example 10:04:30"))));
        Fx.run(() -> ((TextField) reasonDialog().lookup("#splitAt")).setText(cut));
        robot.clickOn("#splitButton");
        Await.until(Duration.ofSeconds(20), "the dialog closes once the split is stored", () -> Fx.get(() -> reasonDialog() == null));
        assertThat(row("SELECT count(*), string_agg(reason_id, ',' ORDER BY start_at) FROM downtime_event WHERE machine_id = '"
                + longest.machineId() + "' AND start_at >= '" + longest.start() + "' AND end_at <= '" + longest.end() + "'"))
                .as("two stops now cover the one, the later one without a reason")
                .containsExactly("2", longest.reasonId() + ",unassigned");

        // The last 30 days, read a day at a time: while the database holds the stops back, the
        // progress shows and Cancel goes back to the shift.
        try (Connection lock = station.database().dataSource().getConnection()) {
            lock.setAutoCommit(false);
            lock.createStatement().execute("LOCK TABLE downtime_event IN ACCESS EXCLUSIVE MODE");
            Fx.run(() -> rangeChoice().getSelectionModel().select(3));
            Await.until(Duration.ofSeconds(10), "the read under way, with its progress and Cancel", () -> Fx.get(() ->
                    stage.getScene().lookup(".line-detail .progress-bar").isVisible()
                            && ((Label) stage.getScene().lookup("#readingLabel")).getText().equals("Reading last 30 days of history…")));
            robot.clickOn("#cancelReadButton");
            Await.until(Duration.ofSeconds(10), "cancelled, back on the shift", () -> Fx.get(() ->
                    messages().contains("Reading the last 30 days was cancelled; showing this shift.")
                            && rangeChoice().getSelectionModel().getSelectedIndex() == 0
                            && !stage.getScene().lookup(".line-detail .progress-bar").isVisible()),
                    () -> Fx.get(() -> messages() + ", range " + rangeChoice().getSelectionModel().getSelectedIndex()
                            + ", progress shown " + stage.getScene().lookup(".line-detail .progress-bar").isVisible()));
            lock.rollback();
        }

        // The last 7 days, stops of any length: with their day, and exported as CSV, one row each.
        Fx.run(() -> ((javafx.scene.control.ComboBox<?>) stage.getScene().lookup("#stopLengthChoice")).getSelectionModel().select(0));
        Fx.run(() -> rangeChoice().getSelectionModel().select(2));
        Await.until(Duration.ofSeconds(30), "the week's stops, dated", () -> Fx.get(() ->
                !stage.getScene().lookup(".line-detail .progress-bar").isVisible() && !stops().getItems().isEmpty()
                        && ((Label) stage.getScene().lookup("#timelineTitle")).getText().equals("Machines over the last 7 days")
                        && String.valueOf(((javafx.scene.control.TableColumn<?, ?>) stops().getColumns().get(1)).getCellData(0))
                                .matches(".+ \\d{1,2} .+ \\d{2}:\\d{2}")));
        java.nio.file.Path csv = home.resolve("stops.csv");
        Fx.run(() -> ((com.ms5.floor.app.ui.line.LineDetailView) stage.getScene().lookup(".line-detail").getProperties()
                .get(com.ms5.floor.app.ui.line.LineDetailView.class)).exportStops(csv));
        java.util.regex.Pattern written = java.util.regex.Pattern.compile("([\\d,]+) stop\\(s\\) of the last 7 days written to .*");
        var said = new java.util.concurrent.atomic.AtomicReference<java.util.regex.Matcher>();
        Await.until(Duration.ofSeconds(10), "the export written", () -> Fx.get(() -> messages().stream()
                .map(written::matcher).filter(java.util.regex.Matcher::matches).peek(said::set).findFirst().isPresent()),
                () -> Fx.get(this::messages).toString());
        long exported = Long.parseLong(said.get().group(1).replace(",", ""));
        List<String> lines = java.nio.file.Files.readAllLines(csv);
        assertThat(exported).as("the stops shown").isPositive();
        assertThat(lines).hasSize((int) exported + 1);
        assertThat(lines.getFirst()).isEqualTo("line,machine,machineName,start,end,minutes,state,faultCode,reason,reasonPath,"
                + "comment,lastEditedBy");
        assertThat(lines).anyMatch(l -> l.startsWith("L2,") && l.contains(",fault-102,Electrical and utilities / Low air pressure,"));
    }

    @SuppressWarnings("unchecked")
    private javafx.scene.control.ComboBox<Object> rangeChoice() {
        return (javafx.scene.control.ComboBox<Object>) stage.getScene().lookup(".range-choice");
    }

    private List<String> messages() {
        return stage.getScene().getRoot().lookupAll(".line-detail .status-bar .label").stream()
                .map(n -> ((Label) n).getText()).toList();
    }

    /** Presses a key per letter, as a person does (TestFX's write() does not reach a dialog under Monocle). */
    private void typeKeys(String text) {
        for (char ch : text.toUpperCase(java.util.Locale.ROOT).toCharArray()) {
            robot.type(ch == ' ' ? KeyCode.SPACE : KeyCode.getKeyCode(String.valueOf(ch)));
        }
    }

    @SuppressWarnings("unchecked")
    private TableView<DowntimeEvent> stops() {
        return (TableView<DowntimeEvent>) stage.getScene().lookup(".stops-table");
    }

    private static Node reasonDialog() {
        return Window.getWindows().stream().filter(w -> w.getScene() != null)
                .map(w -> w.getScene().getRoot().lookup(".reason-dialog")).filter(n -> n != null)
                .findFirst().orElse(null);
    }

    private List<String> row(String sql) throws Exception {
        TestStation station = station();
        List<String> values = new ArrayList<>();
        try (Connection c = station.database().dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql);
             ResultSet r = s.executeQuery()) {
            if (r.next()) {
                for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
                    values.add(r.getString(i));
                }
            }
        }
        return values;
    }
}
