package com.ms5.floor.app.ui;

import com.ms5.floor.app.base.Messages;
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
            case OEE -> Messages.format("oee.formula.OEE", percent(f.oee()), TimeText.length(f.goodIdealSeconds()),
                    TimeText.length(f.loadingSeconds()), percent(f.availability()), percent(f.performance()), percent(f.quality()));
            case AVAILABILITY -> Messages.format("oee.formula.AVAILABILITY", percent(f.availability()),
                    TimeText.length(f.runSeconds()), TimeText.length(f.loadingSeconds()));
            case PERFORMANCE -> Messages.format("oee.formula.PERFORMANCE", percent(f.performance()),
                    TimeText.length(f.idealSeconds()), TimeText.length(f.runSeconds()));
            case QUALITY -> Messages.format("oee.formula.QUALITY", percent(f.quality()),
                    TimeText.length(f.goodIdealSeconds()), TimeText.length(f.idealSeconds()));
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
        rows.add(new Row(Messages.get("oee.countedAs"), Messages.profile(f.profile())));
        rows.add(machines > 1
                ? new Row(Messages.format("oee.wholeWindowMachines", machines), TimeText.length(f.calendarSeconds()) + " ("
                        + machines + " × " + TimeText.length(f.calendarSeconds() / machines) + ")")
                : new Row(Messages.get("oee.wholeWindow"), TimeText.length(f.calendarSeconds())));
        rows.add(new Row(Messages.get("oee.pbt"), Messages.format(plannedIsLoss ? "oee.pbtSumPlanned" : "oee.pbtSum",
                TimeText.length(f.loadingSeconds()))));
        rows.add(new Row(Messages.get("oee.run"), TimeText.length(f.runSeconds())));
        rows.add(new Row(Messages.get("oee.micro"), TimeText.length(f.microStopSeconds())));
        rows.add(new Row(Messages.get("oee.unplanned"), f.openStopSeconds() > 0 ? Messages.format("oee.openPart",
                TimeText.length(f.unplannedSeconds()), TimeText.length(f.openStopSeconds())) : TimeText.length(f.unplannedSeconds())));
        rows.add(new Row(Messages.get("oee.changeover"), TimeText.length(f.changeoverSeconds())));
        rows.add(new Row(Messages.get(plannedIsLoss ? "oee.plannedLoss" : "oee.plannedOut"),
                TimeText.length(f.plannedStopSeconds())));
        rows.add(new Row(Messages.get("oee.noShift"), TimeText.length(f.notScheduledSeconds())));
        rows.add(new Row(Messages.get("oee.noData"), TimeText.length(f.unknownSeconds())));
        rows.add(new Row(Messages.get("oee.made"), String.format("%,d", f.totalCount())));
        rows.add(new Row(Messages.get("oee.good"), String.format("%,d", f.goodCount())));
        rows.add(new Row(Messages.get("oee.idealMade"), TimeText.length(f.idealSeconds())));
        rows.add(new Row(Messages.get("oee.idealGood"), TimeText.length(f.goodIdealSeconds())));
        f.flags().forEach(flag -> rows.add(new Row(Messages.get("oee.check"), flag)));
        return rows;
    }

    /** "15.7 %", or "–" for a share with nothing to measure against. */
    public static String percent(double share) {
        return Double.isNaN(share) ? "–" : String.format("%.1f %%", share * 100);
    }
}
