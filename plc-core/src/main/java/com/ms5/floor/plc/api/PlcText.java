package com.ms5.floor.plc.api;

import java.util.ResourceBundle;

/**
 * What this module says to people (tag-map problems, connection tests, a controller that does not
 * answer), in their language: {@code ms5/i18n/plc.properties} (English) and {@code plc_de.properties}
 * (German), chosen by the default locale as the app's own messages are.
 */
public final class PlcText {
    private static final String BUNDLE = "ms5/i18n/plc";

    private PlcText() {
    }

    public static String get(String key) {
        return ResourceBundle.getBundle(BUNDLE).getString(key);
    }

    /** The message {@code key} with its {@code %} placeholders filled. */
    public static String format(String key, Object... args) {
        return String.format(get(key), args);
    }
}
