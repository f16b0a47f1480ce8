package com.ms5.floor.app.ui.plant;

import com.ms5.floor.app.base.Messages;
import com.ms5.floor.app.model.LineStatus;
import com.ms5.floor.app.ui.Navigation;
import com.ms5.floor.app.ui.ViewModel;
import jakarta.inject.Inject;
import java.util.ResourceBundle;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.layout.TilePane;

/** Controller of PlantOverviewView.fxml: one {@link LineCard} per line. */
public final class PlantOverviewView {
    private final PlantOverviewViewModel model;
    private final Navigation navigation;

    @FXML private ResourceBundle resources;
    @FXML private TilePane cards;
    @FXML private javafx.scene.control.Label subtitle;

    @Inject
    PlantOverviewView(PlantOverviewViewModel model, Navigation navigation) {
        this.model = model;
        this.navigation = navigation;
    }

    @FXML
    private void initialize() {
        model.lines().addListener((ListChangeListener<LineStatus>) this::render);
        ViewModel.bind(cards, model);
    }

    /** Shows only what changed: one line's new status updates its own card. */
    private void render(ListChangeListener.Change<? extends LineStatus> change) {
        model.lines().stream().findFirst().ifPresent(line -> subtitle.setText(String.format( // one profile for the plant
                resources.getString("plant.subtitleProfile"), Messages.profile(line.oee().profile()))));
        while (change.next()) {
            if (change.wasReplaced()) {
                for (int i = change.getFrom(); i < change.getTo(); i++) {
                    ((LineCard) cards.getChildren().get(i)).show(model.lines().get(i));
                }
                continue;
            }
            if (change.wasRemoved()) {
                cards.getChildren().remove(change.getFrom(), change.getFrom() + change.getRemovedSize());
            }
            for (int i = change.getFrom(); change.wasAdded() && i < change.getTo(); i++) {
                LineCard card = new LineCard(resources, navigation::showLine);
                card.show(model.lines().get(i));
                cards.getChildren().add(i, card);
            }
        }
    }
}
