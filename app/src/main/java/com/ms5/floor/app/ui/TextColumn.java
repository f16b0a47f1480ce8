package com.ms5.floor.app.ui;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableColumn;

/** A read-only table column of text worked out from each row, for the tables views build in code. */
public final class TextColumn {
    private TextColumn() {
    }

    /** One not to sort by (the rows come in an order of their own: newest first, longest first). */
    public static <T> TableColumn<T, String> of(String title, Function<T, String> text) {
        TableColumn<T, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(text.apply(c.getValue())));
        column.setSortable(false);
        return column;
    }

    public static <T> TableColumn<T, String> of(String title, Function<T, String> text, double width) {
        TableColumn<T, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(text.apply(c.getValue())));
        column.setPrefWidth(width);
        return column;
    }
}
