package com.ms5.floor.app.ui.dashboard;

import com.ms5.floor.app.base.Messages;
import com.ms5.floor.app.model.MachineFigures;
import com.ms5.floor.app.ui.DialogService;
import com.ms5.floor.app.ui.OeeArithmetic;
import com.ms5.floor.analytics.state.MachineState;
import com.ms5.floor.app.ui.TileFactory;
import com.ms5.floor.plc.api.ConnectionHealth;
import eu.hansolo.tilesfx.Tile;
import com.ms5.floor.app.ui.StateLook;
import com.ms5.floor.app.ui.ViewModel;
import jakarta.inject.Inject;
import java.util.ResourceBundle;
import javafx.beans.property.DoubleProperty;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.paint.Color;

/** Controller of DashboardView.fxml: builds the tiles and binds them to the view model. */
public final class DashboardView {
    private final DashboardViewModel model;

    @FXML private ResourceBundle resources;
    @FXML private Label machineLabel;
    @FXML private GridPane tiles;
    @FXML private Label sourceLabel;
    @FXML private Label plcLabel;
    @FXML private Label databaseLabel;
    private final Label stateWord = new Label();
    @FXML private Label subtitle;

    private final DialogService dialogs;

    @Inject
    DashboardView(DashboardViewModel model, DialogService dialogs) {
        this.model = model;
        this.dialogs = dialogs;
    }

    @FXML
    private void initialize() {
        machineLabel.textProperty().bind(model.titleProperty());

        Tile count = TileFactory.number("totalCountTile", resources.getString("tile.totalCount"), "");
        Tile rate = TileFactory.sparkLine("rateTile", resources.getString("tile.rate"), resources.getString("tile.rate.unit"));
        Tile oee = TileFactory.gauge("oeeTile", resources.getString("tile.oee"));
        Tile availability = TileFactory.gauge("availabilityTile", resources.getString("tile.availability"));
        Tile performance = TileFactory.gauge("performanceTile", resources.getString("tile.performance"));
        Tile quality = TileFactory.gauge("qualityTile", resources.getString("tile.quality"));
        Tile state = TileFactory.word("stateTile", resources.getString("tile.state"), stateWord);
        // The state spans both rows: it is what a supervisor looks for first.
        tiles.add(state, 0, 0, 1, 2);
        tiles.addRow(0, count, rate, oee);
        tiles.add(availability, 1, 1);
        tiles.add(performance, 2, 1);
        tiles.add(quality, 3, 1);

        follow(model.totalCountProperty(), count);
        follow(model.ratePerMinuteProperty(), rate);
        follow(model.oeePercentProperty(), oee);
        follow(model.availabilityPercentProperty(), availability);
        follow(model.performancePercentProperty(), performance);
        follow(model.qualityPercentProperty(), quality);
        clickForArithmetic(oee, OeeArithmetic.Figure.OEE);
        clickForArithmetic(availability, OeeArithmetic.Figure.AVAILABILITY);
        clickForArithmetic(performance, OeeArithmetic.Figure.PERFORMANCE);
        clickForArithmetic(quality, OeeArithmetic.Figure.QUALITY);
        model.figuresProperty().addListener((o, old, m) -> subtitle.setText(String.format(
                resources.getString("dashboard.subtitleProfile"), Messages.profile(m.oee().profile()))));
        model.stateProperty().addListener((o, old, now) -> showState(state, now));
        showState(state, model.stateProperty().get());

        sourceLabel.textProperty().bind(model.sourceProperty());
        databaseLabel.textProperty().bind(model.databaseProperty());
        model.databaseOkProperty().addListener((o, old, ok) -> markProblem(databaseLabel, !ok));
        model.plcStateProperty().addListener((o, old, now) -> showPlc());
        model.plcProblemProperty().addListener((o, old, now) -> showPlc());
        showPlc();

        // Views take live data only while they are on screen.
        ViewModel.bind(tiles, model);
    }

    /** A click on the figure shows the times and counts it came from. */
    private void clickForArithmetic(Tile tile, OeeArithmetic.Figure figure) {
        tile.setCursor(javafx.scene.Cursor.HAND);
        tile.setOnMouseClicked(e -> {
            MachineFigures m = model.figuresProperty().get();
            if (m != null) {
                dialogs.showArithmetic(tile.getScene().getWindow(), String.format(resources.getString("dashboard.arithmeticTitle"),
                        m.name()), OeeArithmetic.formula(figure, m.oee()), OeeArithmetic.rows(m.oee(), 1));
            }
        });
    }

    private static void follow(DoubleProperty value, Tile tile) {
        value.addListener((o, old, now) -> {
            boolean defined = !Double.isNaN(now.doubleValue());
            tile.setValueVisible(defined);
            if (defined) {
                tile.setValue(now.doubleValue());
            }
        });
        tile.setValueVisible(!Double.isNaN(value.get()));
    }

    private void showState(Tile tile, MachineState state) {
        // The same shape and word as every other view; colour only where a person is needed: down, or no data.
        stateWord.setText(StateLook.symbol(state) + " " + resources.getString("state." + state.name()));
        boolean alarm = state == MachineState.UNPLANNED_DOWN;
        boolean noData = state == MachineState.UNKNOWN;
        tile.setBackgroundColor(alarm ? TileFactory.ALARM : noData ? TileFactory.OFFLINE : TileFactory.PANEL);
        stateWord.setTextFill(alarm || noData ? Color.WHITE : TileFactory.TEXT);
        tile.setTitleColor(alarm || noData ? Color.WHITE : TileFactory.MUTED);
    }

    private void showPlc() {
        ConnectionHealth.State state = model.plcStateProperty().get();
        String text = resources.getString("plc." + state.name().toLowerCase(java.util.Locale.ROOT));
        String problem = model.plcProblemProperty().get();
        boolean bad = state == ConnectionHealth.State.RECONNECTING;
        plcLabel.setText(bad ? "▲ " + text + ": " + problem : "● " + text);
        markProblem(plcLabel, bad);
    }

    private static void markProblem(Label label, boolean problem) {
        if (problem) {
            if (!label.getStyleClass().contains("problem")) {
                label.getStyleClass().add("problem");
            }
        } else {
            label.getStyleClass().remove("problem");
        }
    }
}
