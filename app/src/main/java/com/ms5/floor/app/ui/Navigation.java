package com.ms5.floor.app.ui;

import jakarta.inject.Singleton;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/** Where the person wants to be: the plant overview hands a clicked line to the line detail. FX thread. */
@Singleton
public final class Navigation {
    private final ObjectProperty<String> line = new SimpleObjectProperty<>(this, "line");

    /** The line the line detail shows; set it to open the line. */
    public ObjectProperty<String> lineProperty() {
        return line;
    }

    public void showLine(String lineId) {
        line.set(null); // clicking the same line again still opens it
        line.set(lineId);
    }
}
