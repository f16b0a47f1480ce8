package com.ms5.floor.app.base;

import java.util.ResourceBundle;

/**
 * What MS5 says to people, in their language: {@code ms5/i18n/messages.properties} (English) and
 * {@code messages_de.properties} (German), chosen by the default locale, which {@code ui.language}
 * or the operating system sets (README, "Languages"). Views loaded from FXML get the same bundle.
 */
public final class Messages {
    public static final String BUNDLE = "ms5/i18n/messages";

    private Messages() {
    }

    /** The bundle of the default locale (cached by ResourceBundle). */
    public static ResourceBundle bundle() {
        return ResourceBundle.getBundle(BUNDLE);
    }

    public static String get(String key) {
        return bundle().getString(key);
    }

    /** The message {@code key}, or {@code fallback} where there is none (names that come from elsewhere, such as the six big losses). */
    public static String getOr(String key, String fallback) {
        ResourceBundle bundle = bundle();
        return bundle.containsKey(key) ? bundle.getString(key) : fallback;
    }

    /** How OEE is counted, in words. */
    public static String profile(com.ms5.floor.analytics.oee.OeeProfile profile) {
        return getOr("profile." + profile.name(), profile.label());
    }

    /** A loss category, in words. */
    public static String category(com.ms5.floor.analytics.downtime.LossCategory category) {
        return getOr("category." + category.name(), category.label());
    }

    /** The message {@code key} with its {@code %} placeholders filled, numbers as the language writes them. */
    public static String format(String key, Object... args) {
        return String.format(get(key), args);
    }
}
