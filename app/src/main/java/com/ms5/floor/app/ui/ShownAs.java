package com.ms5.floor.app.ui;

import java.util.function.Function;
import javafx.util.StringConverter;

/** How a choice box shows its items, for choices a person picks but never types. */
public final class ShownAs {
    private ShownAs() {
    }

    /** Shows each item as {@code text} says ({@code null} too). */
    public static <T> StringConverter<T> text(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T item) {
                return text.apply(item);
            }

            @Override
            public T fromString(String typed) {
                return null; // nothing is typed into these boxes
            }
        };
    }
}
