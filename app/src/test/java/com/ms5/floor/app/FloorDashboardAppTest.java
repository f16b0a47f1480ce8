package com.ms5.floor.app;

import com.ms5.floor.app.base.AppConfig;
import com.ms5.floor.app.base.AppDirectories;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ms5.floor.analytics.ProductionMinute;
import com.ms5.floor.analytics.andon.AndonBoard;
import com.ms5.floor.analytics.andon.AndonCall;
import com.ms5.floor.app.model.StationDiagnostics;
import com.ms5.floor.app.runtime.TestStation;
import com.ms5.floor.plc.api.ConnectionHealth;
import com.ms5.floor.plc.api.SampleBatch;
import com.ms5.floor.plc.api.TagValue;
import com.ms5.floor.plc.virtual.VirtualPlant;
import eu.hansolo.tilesfx.Tile;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;

/**
 * The real app, headless (Monocle): virtual PLC over real TCP through PLC4X, the embedded
 * PostgreSQL, Flyway and Hibernate, TilesFX on screen. The plant runs 30x faster than real time
 * so that minutes close in seconds.
 */
class FloorDashboardAppTest extends TestApp {
    @Test
    void countTileRisesLiveAndProductionMinutesReachPostgres() throws Exception {
        AppDirectories dirs = startDemoAt30x();

        selectTab("machineTab");
        Tile count = Fx.get(() -> (Tile) stage.getScene().lookup("#totalCountTile"));
        assertThat(count).as("the count tile is on screen").isNotNull();
        Await.until(Duration.ofSeconds(60), "the count tile shows parts", () -> Fx.get(count::getValue) > 0);
        double first = Fx.get(count::getValue);
        Await.until(Duration.ofSeconds(30), "the count tile rises", () -> Fx.get(count::getValue) > first);

        TestStation runtime = station();
        Await.until(Duration.ofSeconds(60), "the database is open", () -> runtime.repository() != null);
        Await.until(Duration.ofSeconds(60), "two production minutes are stored",
                () -> runtime.repository().minutesSince(VirtualPlant.MACHINE_ID, Instant.EPOCH).size() >= 2);
        List<ProductionMinute> minutes = runtime.repository().minutesSince(VirtualPlant.MACHINE_ID, Instant.EPOCH);
        assertThat(minutes).anySatisfy(m -> assertThat(m.totalCount()).isPositive());
        assertThat(minutes).allSatisfy(m -> assertThat(m.goodCount()).isLessThanOrEqualTo(m.totalCount()));

        // the embedded database keeps its data in the app-data folder
        assertThat(dirs.embeddedDatabaseDir().resolve("PG_VERSION")).exists();
    }

    @Test
    void anUnexpectedErrorIsShownInADialogAndTheDashboardKeepsRunning() throws Exception {
        AppDirectories dirs = new AppDirectories(home);
        start(AppConfig.load(dirs, dirs.configFile()));

        javafx.application.Platform.runLater(() -> {
            throw new IllegalStateException("tile factory exploded");
        });

        Await.until(Duration.ofSeconds(30), "an error dialog opens", () -> errorDialog() != null);
        DialogPane dialog = errorDialog();
        assertThat(Fx.get(dialog::getHeaderText)).contains("IllegalStateException: tile factory exploded");
        assertThat(Fx.get(dialog::getContentText)).contains(dirs.logDir().resolve("ms5.log").toString());
        assertThat(Fx.get(stage::isShowing)).as("the dashboard is still up").isTrue();
        Fx.run(() -> ((Stage) dialog.getScene().getWindow()).close());
    }

    /**
     * The plant overview opens first with a card per line of the demo plant, each with its OEE.
     * A quality call raised by a line's Andon bit shows on the Andon board, marked as waiting;
     * acknowledging it from the board takes it off (its bit is off again) and says so; a second
     * acknowledgement of the same call, from another station's old view, is told who was first.
     */
    @Test
    void thePlantOverviewShowsEveryLineAndACallIsAcknowledgedFromTheBoard() throws Exception {
        startDemoAt30x();

        Await.until(Duration.ofSeconds(60), "three line cards with an OEE figure", () -> Fx.get(() ->
                ((Parent) stage.getScene().lookup(".line-cards")).getChildrenUnmodifiable().size() == 3
                        && stage.getScene().getRoot().lookupAll(".line-oee").stream()
                        .allMatch(n -> ((Label) n).getText().matches("OEE \\d+\\.\\d %"))));
        assertThat(Fx.get(() -> ((Label) stage.getScene().lookup("#line-L1 .line-name")).getText()))
                .isEqualTo("Line 1 - PET bottling");
        Await.until(Duration.ofSeconds(30), "each card names the job and product its PLC runs, and the output against target",
                () -> Fx.get(() -> stage.getScene().getRoot().lookupAll(".line-job").stream()
                        .allMatch(n -> ((Label) n).getText().matches("Job \\d+ · .+"))
                        && stage.getScene().getRoot().lookupAll(".line-output").stream().allMatch(n -> ((Label) n).getText()
                        .matches("Out of the line: [\\d,]+ of [\\d,]+ target \\(.+\\)"))),
                () -> Fx.get(() -> stage.getScene().getRoot().lookupAll(".line-job").stream().map(n -> ((Label) n).getText())
                        .toList().toString()));
        // Once a line has made parts, its card says where it is on pace to end the shift.
        Await.until(Duration.ofSeconds(60), "each card says where its line is on pace to end the shift", () -> Fx.get(() ->
                        stage.getScene().getRoot().lookupAll(".line-pace").stream().allMatch(n -> ((Label) n).getText()
                                .matches("On pace for [\\d,]+ of [\\d,]+ by shift end \\([\\d,]+–[\\d,]+\\)"))),
                () -> Fx.get(() -> stage.getScene().getRoot().lookupAll(".line-pace").stream().map(n -> ((Label) n).getText())
                        .toList().toString()));

        TestStation runtime = station();
        Await.until(Duration.ofSeconds(30), "analytics running", () -> runtime.analytics() != null);
        // Polling starts before the embedded database is open; the calls below go through the database.
        Await.until(Duration.ofSeconds(60), "the database open", () -> runtime.calls() != null);
        Clock clock = app.injector().getInstance(Clock.class);
        Instant t = clock.instant();
        runtime.analytics().accept(new SampleBatch("test", "fast", t, Map.of("L2-SEAMER.andon", TagValue.good(2L, t)),
                Set.of()));
        // Still on the plant overview: a notification tells of the call, and a click on it opens the board.
        String told = runtime.name("L2-SEAMER") + ", " + runtime.name("L2") + "\nWaiting for someone";
        Await.until(Duration.ofSeconds(30), "a notification of the quality call", () -> notification(told) != null);
        assertThat(Fx.get(() -> ((TabPane) stage.getScene().lookup("#tabs")).getSelectionModel().getSelectedItem().getId()))
                .isEqualTo("plantTab");
        new org.testfx.api.FxRobot().clickOn(notification(told));
        Await.until(Duration.ofSeconds(10), "the Andon tab opened by the click", () -> Fx.get(() ->
                ((TabPane) stage.getScene().lookup("#tabs")).getSelectionModel().getSelectedItem().getId().equals("andonTab")));
        selectTab("andonTab");
        @SuppressWarnings("unchecked")
        TableView<AndonCall> table = Fx.get(() -> (TableView<AndonCall>) stage.getScene().lookup(".andon-table"));
        Await.until(Duration.ofSeconds(30), "the quality call on the board", () -> Fx.get(() ->
                table.getItems().stream().anyMatch(c -> c.machineId().equals("L2-SEAMER") && c.type().id().equals("quality"))));
        AndonCall call = Fx.get(() -> table.getItems().stream().filter(c -> c.machineId().equals("L2-SEAMER")
                && c.type().id().equals("quality")).findFirst().orElseThrow());
        Fx.run(() -> {
            table.getSelectionModel().select(call);
            ((Button) stage.getScene().lookup(".status-bar .button")).fire();
        });
        Await.until(Duration.ofSeconds(30), "the board says it is acknowledged", () -> Fx.get(() ->
                table.getItems().stream().noneMatch(c -> c.id().equals(call.id()) && c.acknowledgedAt() == null)));
        assertThat(Fx.get(() -> ((Label) stage.getScene().lookup(".status-bar .label")).getText()))
                .isEqualTo("Quality call at L2-SEAMER acknowledged");
        var late = runtime.analytics().change(call.revision(), (board, rev, now) -> board.acknowledge(call.id(), rev, "another station", now));
        assertThatThrownBy(late::join).rootCause().isInstanceOf(AndonBoard.Conflict.class)
                .hasMessageMatching("(Already acknowledged by " + System.getProperty("user.name")
                        + " at .*|The call is already closed)");

        // Resolve: a material call from Line 3 is closed by hand and leaves the board, on every station.
        AndonCall material = raise(runtime, table, "L3-CHECKWEIGHER", 4L, "material");
        Fx.run(() -> {
            table.getSelectionModel().select(material);
            ((Button) stage.getScene().lookup("#resolveButton")).fire();
        });
        Await.until(Duration.ofSeconds(30), "the resolved call leaves the board", () -> Fx.get(() ->
                table.getItems().stream().noneMatch(c -> c.id().equals(material.id()))));
        AndonCall resolved = runtime.calls().find(material.id());
        assertThat(resolved.closedAt()).as("closed in the database").isNotNull();
        assertThat(resolved.acknowledgedBy()).isEqualTo(System.getProperty("user.name") + " at " + runtime.stationId());

        // Shelve: a maintenance call leaves the board for the time chosen, with the reason stored.
        AndonCall maintenance = raise(runtime, table, "L1-CAPPER", 1L, "maintenance");
        Fx.run(() -> table.getSelectionModel().select(maintenance));
        javafx.application.Platform.runLater(() -> ((Button) stage.getScene().lookup("#shelveButton")).fire());
        Await.until(Duration.ofSeconds(10), "the shelve dialog asks why", () -> Fx.get(() -> shelveDialog() != null));
        Fx.run(() -> {
            ((javafx.scene.control.TextField) shelveDialog().lookup("#shelveReason")).setText("fitter on site");
            ((Button) shelveDialog().lookupButton(javafx.scene.control.ButtonType.OK)).fire();
        });
        Await.until(Duration.ofSeconds(30), "the shelved call leaves the board", () -> Fx.get(() ->
                table.getItems().stream().noneMatch(c -> c.id().equals(maintenance.id()))));
        AndonCall shelved = runtime.calls().find(maintenance.id());
        assertThat(shelved.shelveReason()).isEqualTo("fitter on site");
        assertThat(Duration.between(clock.instant(), shelved.shelvedUntil())).as("shelved for about 30 minutes")
                .isBetween(Duration.ofMinutes(25), Duration.ofMinutes(30));

        // Unshelve: the supervisor decides it needs looking at now; it is back on every board at once.
        javafx.application.Platform.runLater(() -> ((Button) stage.getScene().lookup("#shelvedButton")).fire());
        Await.until(Duration.ofSeconds(10), "the shelved calls, with why", () -> Fx.get(() -> dialog("Shelved calls") != null
                && ((javafx.scene.control.ListView<?>) dialog("Shelved calls").lookup("#shelvedList")).getItems().size() == 1));
        Fx.run(() -> {
            DialogPane pane = dialog("Shelved calls");
            var list = (javafx.scene.control.ListView<?>) pane.lookup("#shelvedList");
            list.getSelectionModel().select(0);
            assertThat(list.lookupAll(".list-cell").stream().map(n -> ((javafx.scene.control.ListCell<?>) n).getText())
                    .filter(java.util.Objects::nonNull).toList()).anyMatch(text -> text.contains("\"fitter on site\""));
            ((Button) pane.getButtonTypes().stream().filter(b -> b.getText().equals("Unshelve")).map(pane::lookupButton)
                    .findFirst().orElseThrow()).fire();
        });
        Await.until(Duration.ofSeconds(30), "the call back on the board", () -> Fx.get(() ->
                table.getItems().stream().anyMatch(c -> c.id().equals(maintenance.id()))));
        assertThat(runtime.calls().find(maintenance.id()).shelvedUntil()).as("not shelved in the database").isNull();

        // Diagnostics: this station polls all three PLC connections and stores every event.
        selectTab("diagnosticsTab");
        Await.until(Duration.ofSeconds(30), "diagnostics list three connected PLCs polled here, and this station",
                () -> Fx.get(() -> {
                    var connections = (TableView<?>) stage.getScene().lookup(".connections-table");
                    var stations = (TableView<?>) stage.getScene().lookup(".stations-table");
                    Label storage = (Label) stage.getScene().lookup(".diagnostics-storage");
                    return connections.getItems().size() == 3 && stations.getItems().size() == 1
                            && storage.getText().startsWith("Database online")
                            && connections.getItems().stream().map(StationDiagnostics.Connection.class::cast)
                            .allMatch(c -> runtime.stationId().equals(c.polledBy())
                                    && c.health().state() == ConnectionHealth.State.CONNECTED);
                }));
        assertThat(Fx.get(() -> ((Label) stage.getScene().lookup(".diagnostics-station")).getText()))
                .startsWith("Station " + runtime.stationId() + " · Database: embedded PostgreSQL on port");
    }

    private AppDirectories startDemoAt30x() throws Exception {
        AppConfig config = demoAt30x();
        start(config);
        return config.directories();
    }

    /** Sets a machine's Andon bits for one scan and waits for the call on the board. */
    private AndonCall raise(TestStation runtime, TableView<AndonCall> table, String machine, long bits, String type) {
        Instant t = app.injector().getInstance(Clock.class).instant();
        runtime.analytics().accept(new SampleBatch("test", "fast", t, Map.of(machine + ".andon", TagValue.good(bits, t)), Set.of()));
        Await.until(Duration.ofSeconds(30), "the " + type + " call of " + machine + " on the board", () -> Fx.get(() ->
                table.getItems().stream().anyMatch(c -> c.machineId().equals(machine) && c.type().id().equals(type))));
        return Fx.get(() -> table.getItems().stream().filter(c -> c.machineId().equals(machine) && c.type().id().equals(type))
                .findFirst().orElseThrow());
    }

    /** The label of a shown notification popup whose text starts with {@code text}, or null. */
    private static Label notification(String text) {
        return Fx.get(() -> Window.getWindows().stream().filter(w -> w instanceof javafx.stage.PopupWindow && w.isShowing())
                .flatMap(w -> w.getScene().getRoot().lookupAll(".label").stream())
                .filter(n -> n instanceof Label l && l.getText() != null && l.getText().startsWith(text))
                .map(Label.class::cast).findFirst().orElse(null));
    }

    private static DialogPane shelveDialog() {
        return Fx.get(() -> Window.getWindows().stream()
                .filter(w -> w.getScene() != null && w.getScene().getRoot() instanceof DialogPane d
                        && d.getStyleClass().contains("shelve-dialog"))
                .map(w -> (DialogPane) w.getScene().getRoot())
                .findFirst().orElse(null));
    }

    private static DialogPane errorDialog() {
        return Fx.get(() -> Window.getWindows().stream()
                .filter(w -> w.getScene() != null && w.getScene().getRoot() instanceof DialogPane)
                .map(w -> (DialogPane) w.getScene().getRoot())
                .findFirst().orElse(null));
    }

}
