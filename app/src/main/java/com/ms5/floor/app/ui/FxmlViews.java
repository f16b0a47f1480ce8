package com.ms5.floor.app.ui;

import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ResourceBundle;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/** Loads a view's FXML (named like its controller class, beside it) with Guice-made controllers. */
public final class FxmlViews {
    private final ControllerFactory controllerFactory;

    @Inject
    FxmlViews(ControllerFactory controllerFactory) {
        this.controllerFactory = controllerFactory;
    }

    public Parent load(Class<?> controllerType) {
        String name = controllerType.getSimpleName() + ".fxml";
        URL location = controllerType.getResource(name);
        if (location == null) {
            throw new IllegalStateException("No " + name + " beside " + controllerType.getName());
        }
        FXMLLoader loader = new FXMLLoader(location, com.ms5.floor.app.base.Messages.bundle());
        loader.setControllerFactory(controllerFactory);
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Loading " + name + " failed: " + e.getMessage(), e);
        }
    }
}
