package com.ms5.floor.app.ui.wall;

import com.ms5.floor.analytics.andon.AndonCall;
import com.ms5.floor.app.base.AppConfig;
import com.ms5.floor.app.model.LineStatus;
import com.ms5.floor.app.model.StationDiagnostics;
import com.ms5.floor.app.model.StationStatus;
import com.ms5.floor.app.ui.ViewModel;
import com.ms5.floor.app.base.TimeText;
import com.ms5.floor.app.ui.StateLook;
import com.ms5.floor.app.ui.plant.PlantOverviewViewModel;
import com.ms5.floor.plc.api.ConnectionHealth;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;

/**
 * Controller of AndonWallView.fxml: the Andon wall, unattended for weeks. Two pages take turns
 * (the open calls, then every line); the header always shows the clock, how many calls wait for
 * someone, and a badge when the station is offline or a PLC is not answering. Calls nobody has
 * acknowledged flash; everything else is quiet grey. Text scales with the screen, so a 4K wall
 * is readable at 10 m.
 *
 * <p>Everything comes from the live values: the wall recovers by itself when the database or a PLC
 * returns, because the values it shows do.
 */
public final class AndonWallView {
    /** As many calls as fit at a size readable from 10 m; the board sorts the most urgent first. */
    private static final int CALLS_PER_PAGE = 5;
    private static final PseudoClass FLASH = PseudoClass.getPseudoClass("flash");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    private final AndonWallViewModel wallModel;
    private final PlantOverviewViewModel model;
    private final Clock clock;
    private final Duration pageTime;
    private List<AndonCall> board = List.of();
    private StationStatus status;
    private StationDiagnostics diagnostics;
    private Timeline ticker;
    private Timeline rotation;
    private int page;

    @FXML private ResourceBundle resources;
    @FXML private BorderPane wall;
    @FXML private Label pageTitle;
    @FXML private Label waiting;
    @FXML private Label badge;
    @FXML private Label time;
    @FXML private VBox callsPage;
    @FXML private TilePane linesPage;
    @FXML private Label pageNumber;

    @Inject
    AndonWallView(AndonWallViewModel wallModel, Clock clock, AppConfig config) {
        this.wallModel = wallModel;
        this.model = wallModel.lines();
        this.clock = clock;
        this.pageTime = Duration.ofMillis((long) (config.wallPageSeconds() * 1000));
    }

    @FXML
    private void initialize() {
        // One size for everything: a 40th of the screen height (27 px at 1080, 54 px at 2160).
        wall.heightProperty().addListener((o, old, h) -> wall.setStyle("-fx-font-size: " + Math.max(14, h.doubleValue() / 40) + "px;"));
        // Half a second on, half off: one pseudo-class on the root, however many calls flash.
        ticker = new Timeline(new KeyFrame(javafx.util.Duration.millis(500), e -> tick()));
        ticker.setCycleCount(Animation.INDEFINITE);
        rotation = new Timeline(new KeyFrame(javafx.util.Duration.millis(pageTime.toMillis()), e -> showPage(page + 1)));
        rotation.setCycleCount(Animation.INDEFINITE);
        // Three lines across the wall, whatever its size.
        linesPage.prefTileWidthProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(() -> Math.floor(
                        (linesPage.getWidth() - linesPage.getInsets().getLeft() - linesPage.getInsets().getRight()
                                - 2 * linesPage.getHgap()) / 3) - 1,
                linesPage.widthProperty(), linesPage.hgapProperty(), linesPage.insetsProperty()));
        showPage(0);
        model.lines().addListener((javafx.collections.ListChangeListener<LineStatus>) change -> showLines());
        wallModel.boardProperty().addListener((o, old, calls) -> {
            boolean onLines = page >= callPages();
            board = calls;
            // The same page stays up: the lines, or the calls page nearest to the one shown.
            showPage(onLines ? callPages() : Math.min(page, callPages() - 1));
        });
        wallModel.statusProperty().addListener((o, old, s) -> {
            status = s;
            showBadge();
        });
        wallModel.diagnosticsProperty().addListener((o, old, d) -> {
            diagnostics = d;
            showBadge();
        });
        wallModel.activeProperty().addListener((o, was, shown) -> {
            if (shown) {
                ticker.play();
                rotation.play();
            } else {
                ticker.stop();
                rotation.stop();
            }
        });
        ViewModel.bind(wall, wallModel);
    }

    /**
     * The page shown now: the calls, five to a page, most urgent first, as many pages as they need;
     * then the lines. A page that no longer exists (calls were closed) starts the turn again.
     */
    private void showPage(int next) {
        int pages = callPages() + 1;
        page = next >= pages ? 0 : next;
        boolean calls = page < callPages();
        callsPage.setVisible(calls);
        linesPage.setVisible(!calls);
        int from = page * CALLS_PER_PAGE;
        pageTitle.setText(!calls ? resources.getString("wall.lines") : board.size() <= CALLS_PER_PAGE
                ? resources.getString("wall.calls") : String.format(resources.getString("wall.callsPart"), from + 1,
                        Math.min(board.size(), from + CALLS_PER_PAGE), board.size()));
        pageNumber.setText(String.format(resources.getString("wall.page"), page + 1, pages));
        showCalls();
    }

    private int callPages() {
        return Math.max(1, (board.size() + CALLS_PER_PAGE - 1) / CALLS_PER_PAGE);
    }

    private void tick() {
        wall.pseudoClassStateChanged(FLASH, !wall.getPseudoClassStates().contains(FLASH));
        time.setText(CLOCK.format(clock.instant().atZone(ZoneId.systemDefault())));
        if (!wall.getPseudoClassStates().contains(FLASH)) {
            showCalls(); // once a second: the calls' ages move on
        }
    }

    /** The header's count of waiting calls, and the rows of the calls page on screen. */
    private void showCalls() {
        long unacknowledged = board.stream().filter(c -> c.acknowledgedAt() == null).count();
        waiting.setText(unacknowledged == 0 ? "" : String.format(resources.getString("wall.waiting"), unacknowledged));
        waiting.getStyleClass().remove("unack");
        if (unacknowledged > 0) {
            waiting.getStyleClass().add("unack");
        }
        if (page >= callPages()) {
            return; // the lines page is up
        }
        callsPage.getChildren().clear();
        if (board.isEmpty()) {
            Label quiet = new Label(resources.getString("wall.noCalls"));
            quiet.getStyleClass().add("wall-quiet");
            callsPage.getChildren().add(quiet);
            return;
        }
        int from = page * CALLS_PER_PAGE;
        for (AndonCall call : board.subList(from, Math.min(from + CALLS_PER_PAGE, board.size()))) {
            callsPage.getChildren().add(callRow(call));
        }
    }

    /** Two lines: what and where, large, with its age; then the line, level and who is on it. */
    private VBox callRow(AndonCall call) {
        boolean unack = call.acknowledgedAt() == null;
        Label what = new Label(StateLook.callSymbol(call.type().id()) + " " + call.type().label() + " · " + wallModel.name(call.machineId())
                + (call.machines().size() > 1 ? " +" + (call.machines().size() - 1) : ""));
        what.getStyleClass().add("wall-call-what");
        what.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(what, Priority.ALWAYS);
        Label age = new Label(TimeText.elapsed(call.age(clock.instant())));
        age.getStyleClass().add("wall-call-age");
        age.setMinWidth(Region.USE_PREF_SIZE);
        HBox first = new HBox(30, what, age);
        first.setAlignment(Pos.BASELINE_LEFT);
        Label details = new Label(wallModel.name(call.lineId()) + " · " + String.format(resources.getString("wall.level"),
                call.level()) + " · " + (unack ? "\u25B2 " + resources.getString("andon.state.UNACK_ACTIVE")
                : "\u25CF " + String.format(resources.getString("wall.onIt"), call.acknowledgedBy())));
        details.getStyleClass().add("wall-call-details");
        VBox row = new VBox(4, first, details);
        row.getStyleClass().addAll("wall-call", unack ? "unack" : "acknowledged");
        return row;
    }

    /** One tile per line in the plant's order, made once and updated in place. */
    private void showLines() {
        List<LineStatus> lines = model.lines();
        while (linesPage.getChildren().size() > lines.size()) {
            linesPage.getChildren().removeLast();
        }
        while (linesPage.getChildren().size() < lines.size()) {
            linesPage.getChildren().add(new LineTile());
        }
        for (int i = 0; i < lines.size(); i++) {
            ((LineTile) linesPage.getChildren().get(i)).show(lines.get(i));
        }
    }

    private final class LineTile extends VBox {
        private final Label name = new Label();
        private final Label state = new Label();
        private final Label oee = new Label();
        private final Label calls = new Label();

        LineTile() {
            super(8);
            getStyleClass().add("wall-line");
            name.getStyleClass().add("wall-line-name");
            state.getStyleClass().add("wall-line-state");
            oee.getStyleClass().add("wall-line-oee");
            calls.getStyleClass().add("wall-line-calls");
            getChildren().addAll(name, state, oee, calls);
        }

        void show(LineStatus line) {
            name.setText(line.name());
            StateLook.apply(state, line.headline(), resources);
            oee.setText(resources.getString("plant.oee") + " " + (Double.isNaN(line.oee().oee()) ? "–"
                    : String.format("%.0f %%", line.oee().oee() * 100)));
            calls.setText(line.openCalls() == 0 ? resources.getString("plant.noCalls")
                    : String.format(resources.getString("wall.lineCalls"), line.openCalls(), line.unackCalls()));
            calls.getStyleClass().remove("unack");
            if (line.unackCalls() > 0) {
                calls.getStyleClass().add("unack");
            }
        }
    }

    /** A badge only when something is wrong: the database away, or a PLC this station polls not answering. */
    private void showBadge() {
        List<String> problems = new ArrayList<>();
        if (status != null && !status.databaseOk()) {
            problems.add(resources.getString("wall.offline"));
        }
        if (diagnostics != null) {
            for (StationDiagnostics.Connection c : diagnostics.connections()) {
                if (c.health() != null && c.health().state() == ConnectionHealth.State.RECONNECTING) {
                    problems.add(String.format(resources.getString("wall.plcDown"), c.id()));
                }
            }
        }
        badge.setText(problems.isEmpty() ? "" : "\u25B2 " + String.join(" · ", problems));
        badge.setVisible(!problems.isEmpty());
        badge.setManaged(!problems.isEmpty());
    }
}
