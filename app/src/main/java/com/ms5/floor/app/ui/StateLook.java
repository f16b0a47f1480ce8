package com.ms5.floor.app.ui;

import com.ms5.floor.analytics.state.MachineState;
import java.util.ResourceBundle;
import javafx.scene.control.Labeled;

/**
 * How a machine state looks everywhere: a shape and a word, and colour only where a person is
 * needed (down, or no data), following ISA-101.
 */
public final class StateLook {
    private static final String[] STYLES = {"state-alarm", "state-warning", "state-offline"};

    /** A kind of Andon call by shape as well as by word: the board, the wall and notifications show it. */
    public static String callSymbol(String type) {
        return switch (type) {
            case "safety" -> "\u271A"; // heavy cross
            case "maintenance" -> "\u2699"; // gear
            case "quality" -> "\u25C6"; // diamond
            case "material" -> "\u25A0"; // square
            default -> "\u25CF";
        };
    }

    public static String symbol(MachineState state) {
        return switch (state) {
            case RUNNING, MICRO_STOP -> "\u25CF"; // circle
            case PLANNED_DOWN, CHANGEOVER -> "\u25A0"; // square
            case STARVED, BLOCKED -> "\u25C6"; // diamond
            case UNPLANNED_DOWN -> "\u25B2"; // triangle
            case UNKNOWN -> "?";
        };
    }

    public static void apply(Labeled label, MachineState state, ResourceBundle text) {
        label.setText(symbol(state) + " " + text.getString("state." + state.name()));
        label.getStyleClass().removeAll(STYLES);
        switch (state) {
            case UNPLANNED_DOWN -> label.getStyleClass().add("state-alarm");
            case STARVED, BLOCKED -> label.getStyleClass().add("state-warning");
            case UNKNOWN -> label.getStyleClass().add("state-offline");
            default -> { }
        }
    }

    private StateLook() {
    }
}
