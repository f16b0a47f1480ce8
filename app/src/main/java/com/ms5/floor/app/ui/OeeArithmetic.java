package com.ms5.floor.app.ui;

import com.ms5.floor.app.base.TimeText;
import com.ms5.floor.analytics.oee.OeeFigures;
import com.ms5.floor.analytics.oee.OeeProfile;
import java.util.ArrayList;
import java.util.List;

/**
 * The arithmetic behind an OEE figure, in words a supervisor can check by hand: the formula with
 * its two numbers, then every time and count it came from (ISO 22400-2's names in brackets). The
 * same figures every view shows; nothing here computes another way.
 */
public final class OeeArithmetic {
    /** The four figures a person can click. */
    public enum Figure { OEE, AVAILABILITY, PERFORMANCE, QUALITY }

    /** One line of the breakdown. */
    public record Row(String what, String value) {
    }

    private OeeArithmetic() {
    }

    /** "OEE 15.7 % = ideal time of the good parts ÷ planned busy time = 1 min 35 s ÷ 10 min 05 s". */
    public static String formula(Figure figure, OeeFigures f) {
        return switch (figure) {
            case OEE -> "OEE " + percent(f.oee()) + " = ideal time of the good parts ÷ planned busy time = "
                    + TimeText.length(f.goodIdealSeconds()) + " ÷ " + TimeText.length(f.loadingSeconds())
                    + "\n= availability " + percent(f.availability()) + " × performance " + percent(f.performance())
                    + " × quality " + percent(f.quality());
            case AVAILABILITY -> "Availability " + percent(f.availability()) + " = run time ÷ planned busy time = "
                    + TimeText.length(f.runSeconds()) + " ÷ " + TimeText.length(f.loadingSeconds());
            case PERFORMANCE -> "Performance " + percent(f.performance()) + " = ideal time of the parts made ÷ run time = "
                    + TimeText.length(f.idealSeconds()) + " ÷ " + TimeText.length(f.runSeconds());
            case QUALITY -> "Quality " + percent(f.quality()) + " = ideal time of the good parts ÷ ideal time of the parts made = "
                    + TimeText.length(f.goodIdealSeconds()) + " ÷ " + TimeText.length(f.idealSeconds());
        };
    }

    /**
     * Every time and count behind the figures, in the order they add up.
     *
     * @param machines how many machines the figures sum (a line's: each machine's time counts, so its
     *                 whole window is that many times the clock's)
     */
    public static List<Row> rows(OeeFigures f, int machines) {
        boolean plannedIsLoss = f.profile() == OeeProfile.PLANNED_STOPS_AS_LOSS;
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("Counted as", f.profile().label()));
        rows.add(machines > 1
                ? new Row("Whole window, " + machines + " machines' time", TimeText.length(f.calendarSeconds()) + " ("
                        + machines + " × " + TimeText.length(f.calendarSeconds() / machines) + ")")
                : new Row("Whole window", TimeText.length(f.calendarSeconds())));
        rows.add(new Row("Planned busy time (PBT)", TimeText.length(f.loadingSeconds()) + " = run + unplanned stops + changeover"
                + (plannedIsLoss ? " + planned stops" : "")));
        rows.add(new Row("  Run time (APT)", TimeText.length(f.runSeconds())));
        rows.add(new Row("    of which micro-stops", TimeText.length(f.microStopSeconds())));
        rows.add(new Row("  Unplanned stops, starved, blocked", TimeText.length(f.unplannedSeconds())
                + (f.openStopSeconds() > 0 ? " (" + TimeText.length(f.openStopSeconds()) + " of it a stop still going)" : "")));
        rows.add(new Row("  Changeover and setup", TimeText.length(f.changeoverSeconds())));
        rows.add(new Row(plannedIsLoss ? "  Planned stops (breaks, planned windows)" : "Planned stops (breaks, planned windows), left out",
                TimeText.length(f.plannedStopSeconds())));
        rows.add(new Row("No shift scheduled, left out", TimeText.length(f.notScheduledSeconds())));
        rows.add(new Row("No data (PLC not answering, before the first reading), left out", TimeText.length(f.unknownSeconds())));
        rows.add(new Row("Parts made", String.format("%,d", f.totalCount())));
        rows.add(new Row("Good parts", String.format("%,d", f.goodCount())));
        rows.add(new Row("Ideal time of the parts made", TimeText.length(f.idealSeconds())));
        rows.add(new Row("Ideal time of the good parts", TimeText.length(f.goodIdealSeconds())));
        f.flags().forEach(flag -> rows.add(new Row("⚠ Check", flag)));
        return rows;
    }

    /** "15.7 %", or "–" for a share with nothing to measure against. */
    public static String percent(double share) {
        return Double.isNaN(share) ? "–" : String.format("%.1f %%", share * 100);
    }
}
