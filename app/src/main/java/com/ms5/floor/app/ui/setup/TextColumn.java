package com.ms5.floor.app.ui.setup;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableColumn;

/** A read-only table column of text worked out from each row; the Setup tab's tables are built in code. */
final class TextColumn {
    private TextColumn() {
    }

    static <T> TableColumn<T, String> of(String title, Function<T, String> text, double width) {
        TableColumn<T, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(text.apply(c.getValue())));
        column.setPrefWidth(width);
        return column;
    }
}
