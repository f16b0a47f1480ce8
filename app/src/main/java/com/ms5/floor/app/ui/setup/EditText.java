package com.ms5.floor.app.ui.setup;

import com.ms5.floor.app.base.Messages;
import com.ms5.floor.plc.tagmap.TagMap;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How the Setup and Rules tabs write numbers, scaling, scan classes and cycle times in their cells
 * and fields, and read them back from what an engineer typed; a mistake is an
 * IllegalArgumentException saying what to type instead.
 */
final class EditText {
    private EditText() {
    }

    /** 5 for 5.0, 0.5 for 0.5. */
    static String number(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    static double parse(String text, String what) {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(Messages.format("edit.notNumber", what, text));
        }
    }

    /** A cycle time in seconds; a decimal comma is taken as a point (0,45 is 0.45). */
    static double seconds(String text, String what) {
        try {
            return Double.parseDouble(text.replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(Messages.format("edit.notSeconds", text, what));
        }
    }

    /** 2 for 2.0, 0.45 for 0.45, to four places. */
    static String seconds(double s) {
        return s == Math.rint(s) ? Long.toString((long) s) : String.valueOf(Math.round(s * 10_000) / 10_000.0);
    }

    /** Whole seconds, or {@code null} for an empty text (a machine following the plant's threshold). */
    static Integer optionalSeconds(String text, String what) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip().replaceFirst("\\s*s$", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(Messages.format("edit.notWholeSeconds", text, what));
        }
    }

    /** An amount of money (a decimal comma is taken as a point), or {@code null} for an empty text. */
    static Double optionalAmount(String text, String what) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return Double.valueOf(text.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(Messages.format("edit.notAmount", text, what));
        }
    }

    /** A fault code, product number or priority. */
    static long whole(String text, String what) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(Messages.format("edit.notWhole", text, what));
        }
    }

    /** "0..27648 → 0..100", or empty for none. */
    static String scaling(TagMap.Scaling s) {
        return s == null ? "" : number(s.rawLow()) + ".." + number(s.rawHigh()) + " → " + number(s.engLow()) + ".."
                + number(s.engHigh());
    }

    /** "0..27648 → 0..100" (or with "->"), {@code null} for an empty text. */
    static TagMap.Scaling parseScaling(String text) {
        if (text.isBlank()) {
            return null;
        }
        String[] parts = text.replace("->", "→").split("→");
        String[] raw = parts[0].split("\\.\\.");
        String[] eng = parts.length == 2 ? parts[1].split("\\.\\.") : new String[0];
        if (raw.length != 2 || eng.length != 2) {
            throw new IllegalArgumentException(Messages.format("edit.badScaling", text));
        }
        return new TagMap.Scaling(parse(raw[0], "rawLow"), parse(raw[1], "rawHigh"), parse(eng[0], "engLow"),
                parse(eng[1], "engHigh"));
    }

    /** "fast=100, normal=1000". */
    static String scanClasses(List<TagMap.ScanClass> scans) {
        return scans.stream().map(s -> s.name() + "=" + s.periodMillis()).collect(Collectors.joining(", "));
    }

    /** "fast=100, normal=1000": names with their periods in ms. */
    static List<TagMap.ScanClass> parseScanClasses(String text) {
        List<TagMap.ScanClass> scans = new ArrayList<>();
        for (String part : text.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            String[] nameAndPeriod = part.split("=");
            if (nameAndPeriod.length != 2) {
                throw new IllegalArgumentException(Messages.format("edit.badScanClass", part.strip()));
            }
            scans.add(new TagMap.ScanClass(nameAndPeriod[0].strip(), (long) parse(nameAndPeriod[1], Messages.format("edit.periodOf",
                    nameAndPeriod[0].strip()))));
        }
        return scans;
    }
}
