package com.ms5.floor.app.ui.plant;

import com.ms5.floor.app.runtime.LineStatus;
import jakarta.inject.Inject;
import java.util.ResourceBundle;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.layout.TilePane;

/** Controller of PlantOverviewView.fxml: one {@link LineCard} per line. */
public final class PlantOverviewView {
    private final PlantOverviewModel model;

    @FXML private ResourceBundle resources;
    @FXML private TilePane cards;

    @Inject
    PlantOverviewView(PlantOverviewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        model.lines().addListener((ListChangeListener<LineStatus>) change -> render());
        cards.sceneProperty().addListener((o, old, scene) -> {
            if (scene != null) {
                model.activate();
            } else {
                model.deactivate();
            }
        });
    }

    private void render() {
        while (cards.getChildren().size() > model.lines().size()) {
            cards.getChildren().removeLast();
        }
        while (cards.getChildren().size() < model.lines().size()) {
            cards.getChildren().add(new LineCard(resources));
        }
        for (int i = 0; i < model.lines().size(); i++) {
            ((LineCard) cards.getChildren().get(i)).show(model.lines().get(i));
        }
    }
}
