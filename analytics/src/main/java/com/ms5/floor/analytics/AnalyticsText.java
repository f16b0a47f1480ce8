package com.ms5.floor.analytics;

import java.util.ResourceBundle;

/**
 * What this module says to people (a figure to check, a call or stop that cannot be changed as asked),
 * in their language: {@code ms5/i18n/analytics.properties} (English) and {@code analytics_de.properties}
 * (German), chosen by the default locale as the app's own messages are.
 */
public final class AnalyticsText {
    private static final String BUNDLE = "ms5/i18n/analytics";

    private AnalyticsText() {
    }

    public static String get(String key) {
        return ResourceBundle.getBundle(BUNDLE).getString(key);
    }

    /** The message {@code key} with its {@code %} placeholders filled. */
    public static String format(String key, Object... args) {
        return String.format(get(key), args);
    }
}
