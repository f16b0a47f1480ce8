package com.ms5.floor.app.ui.plant;

import com.ms5.floor.app.base.Messages;
import com.ms5.floor.analytics.oee.OeeFigures;
import com.ms5.floor.analytics.state.MachineState;
import com.ms5.floor.app.model.LineStatus;
import com.ms5.floor.app.ui.StateLook;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import javafx.scene.input.KeyCode;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * One line on the plant overview: its state, the job it runs, OEE with A, P and Q, parts this shift
 * and the line's output against target with where it is on pace to end the shift, the top loss,
 * open Andon calls, and a strip with one marker per machine. Grey while all is well. A click opens the line.
 */
final class LineCard extends VBox {
    private final ResourceBundle text;
    private final Label name = new Label();
    private final Label shift = new Label();
    private final Label state = new Label();
    private final Label oee = new Label();
    private final Label apq = new Label();
    private final Label parts = new Label();
    private final Label output = new Label();
    private final Label pace = new Label();
    private final Label job = new Label();
    private final Label topLoss = new Label();
    private final Label calls = new Label();
    private final FlowPane machines = new FlowPane(6, 6);

    private String lineId;

    /** @param open opens a line (a click or Enter on the card) */
    LineCard(ResourceBundle text, Consumer<String> open) {
        this.text = text;
        getStyleClass().add("line-card");
        setFocusTraversable(true);
        setOnMouseClicked(e -> open.accept(lineId));
        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.SPACE) {
                open.accept(lineId);
            }
        });
        name.getStyleClass().add("line-name");
        shift.getStyleClass().add("muted");
        state.getStyleClass().add("line-state");
        oee.getStyleClass().add("line-oee");
        apq.getStyleClass().add("muted");
        job.getStyleClass().add("line-job");
        output.getStyleClass().add("line-output");
        pace.getStyleClass().add("line-pace");
        calls.getStyleClass().add("line-calls");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox top = new HBox(8, name, gap, shift);
        top.setAlignment(Pos.BASELINE_LEFT);
        HBox figures = new HBox(16, oee, new VBox(2, apq, parts));
        figures.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(top, state, job, figures, output, pace, machines, topLoss, calls);
        setSpacing(8);
    }

    void show(LineStatus line) {
        lineId = line.lineId();
        setId("line-" + line.lineId());
        name.setText(line.name());
        shift.setText(line.shift());
        MachineState headline = line.headline();
        StateLook.apply(state, headline, text);
        OeeFigures f = line.oee();
        oee.setText(text.getString("plant.oee") + " " + percent(f.oee()));
        apq.setText(text.getString("plant.availability") + " " + percent(f.availability()) + "   "
                + text.getString("plant.performance") + " " + percent(f.performance()) + "   "
                + text.getString("plant.quality") + " " + percent(f.quality()));
        parts.setText(String.format(text.getString("plant.parts"), f.goodCount(), f.totalCount() - f.goodCount()));
        job.setText(line.job() == null ? text.getString("plant.noJob") : line.job());
        long made = line.hours().stream().mapToLong(LineStatus.Hour::made).sum();
        long target = line.hours().stream().mapToLong(LineStatus.Hour::target).sum();
        output.setText(String.format(text.getString("plant.output"), made, target,
                target == 0 ? "–" : String.format("%.0f %%", 100.0 * made / target)));
        pace.setText(paceText(line.pace(), text));
        topLoss.setText(line.topLoss() == null ? text.getString("plant.noLoss")
                : String.format(text.getString("plant.topLoss"), line.topLoss(), line.topLossMinutes()));
        calls.setText(line.openCalls() == 0 ? text.getString("plant.noCalls")
                : String.format(text.getString("plant.calls"), line.openCalls(), line.unackCalls()));
        calls.getStyleClass().remove("alarm");
        if (line.unackCalls() > 0) {
            calls.getStyleClass().add("alarm"); // somebody is needed: nobody has acknowledged a call
        }
        while (machines.getChildren().size() > line.machines().size()) {
            machines.getChildren().removeLast();
        }
        while (machines.getChildren().size() < line.machines().size()) {
            Label marker = new Label();
            marker.getStyleClass().add("machine-marker");
            marker.setTooltip(new Tooltip());
            machines.getChildren().add(marker);
        }
        for (int i = 0; i < line.machines().size(); i++) {
            showMachine((Label) machines.getChildren().get(i), line.machines().get(i));
        }
    }

    private void showMachine(Label marker, LineStatus.MachineStatus m) {
        StateLook.apply(marker, m.state(), text);
        marker.setText(StateLook.symbol(m.state()) + " " + m.name());
        marker.getTooltip().setText(m.name() + ": " + text.getString("state." + m.state().name())
                + (m.faultCode() != 0 ? Messages.format("plant.fault", m.faultCode()) : ""));
    }

    /** "On pace for 3,870 of 4,200 by shift end (3,650–4,090)", or that the shift has no pace yet. */
    private static String paceText(LineStatus.Pace pace, ResourceBundle text) {
        return pace == null ? text.getString("plant.noPace") : String.format(text.getString("plant.pace"), pace.expected(),
                pace.shiftTarget(), pace.low(), pace.high());
    }

    private static String percent(double share) {
        return Double.isNaN(share) ? "–" : String.format("%.1f %%", share * 100);
    }
}
