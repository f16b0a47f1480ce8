package com.ms5.floor.analytics.oee;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The times and counts behind an OEE figure, over one window, for one machine or summed over
 * several. Shares are computed from the sums, so a line's OEE is time-weighted, never an average
 * of its machines' percentages. A share with no denominator is {@code NaN}.
 *
 * @param calendarSeconds     the whole window
 * @param loadingSeconds      the denominator of availability under the profile (PBT in ISO 22400)
 * @param runSeconds          running time, micro-stops included (APT)
 * @param microStopSeconds    micro-stops, within runSeconds
 * @param unplannedSeconds    unplanned stops, starved and blocked time (open stops included)
 * @param changeoverSeconds   changeovers and setups
 * @param plannedStopSeconds  breaks, planned downtime and planned stops inside shifts
 * @param notScheduledSeconds no shift scheduled or a holiday
 * @param unknownSeconds      the PLC was not answering, or nothing was observed yet
 * @param openStopSeconds     a stop still open at the window's end (within unplannedSeconds)
 * @param idealSeconds        the ideal time of all parts made
 * @param goodIdealSeconds    the ideal time of the good parts
 * @param startupRejectIdealSeconds the ideal time of parts rejected during startup windows
 * @param flags               what makes the figure doubtful, in words (performance above 100 %)
 */
public record OeeFigures(OeeProfile profile, double calendarSeconds, double loadingSeconds, double runSeconds,
                         double microStopSeconds, double unplannedSeconds, double changeoverSeconds,
                         double plannedStopSeconds, double notScheduledSeconds, double unknownSeconds,
                         double openStopSeconds, long totalCount, long goodCount, double idealSeconds,
                         double goodIdealSeconds, double startupRejectIdealSeconds, List<String> flags) {

    public OeeFigures {
        flags = List.copyOf(flags);
    }

    public double availability() {
        return ratio(runSeconds, loadingSeconds);
    }

    public double performance() {
        return ratio(idealSeconds, runSeconds);
    }

    public double quality() {
        return ratio(goodIdealSeconds, idealSeconds);
    }

    /** A x P x Q, which is the ideal time of the good parts over the loading time. */
    public double oee() {
        return ratio(goodIdealSeconds, loadingSeconds);
    }

    /** Total effective equipment performance: the ideal time of the good parts over all the time. */
    public double teep() {
        return ratio(goodIdealSeconds, calendarSeconds);
    }

    /** The six big losses in seconds of loading time, in the usual order. Reduced speed is negative
     *  when the machine ran faster than its ideal cycle time. */
    public Map<String, Double> sixBigLosses() {
        Map<String, Double> losses = new LinkedHashMap<>();
        losses.put("Unplanned stops", unplannedSeconds);
        losses.put("Setup and changeover", changeoverSeconds);
        losses.put("Small stops", microStopSeconds);
        losses.put("Reduced speed", runSeconds - microStopSeconds - idealSeconds);
        losses.put("Production rejects", idealSeconds - goodIdealSeconds - startupRejectIdealSeconds);
        losses.put("Startup rejects", startupRejectIdealSeconds);
        if (profile == OeeProfile.PLANNED_STOPS_AS_LOSS) {
            losses.put("Planned stops", plannedStopSeconds);
        }
        return losses;
    }

    /** Sums the figures of several machines or windows (same profile). */
    public static OeeFigures sum(OeeProfile profile, List<OeeFigures> parts) {
        double[] s = new double[14];
        long total = 0;
        long good = 0;
        List<String> flags = new ArrayList<>();
        for (OeeFigures f : parts) {
            if (f.profile != profile) {
                throw new IllegalArgumentException("Cannot sum OEE of profile " + f.profile + " into " + profile);
            }
            double[] v = {f.calendarSeconds, f.loadingSeconds, f.runSeconds, f.microStopSeconds, f.unplannedSeconds,
                    f.changeoverSeconds, f.plannedStopSeconds, f.notScheduledSeconds, f.unknownSeconds,
                    f.openStopSeconds, f.idealSeconds, f.goodIdealSeconds, f.startupRejectIdealSeconds};
            for (int i = 0; i < v.length; i++) {
                s[i] += v[i];
            }
            total += f.totalCount;
            good += f.goodCount;
            flags.addAll(f.flags);
        }
        return new OeeFigures(profile, s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7], s[8], s[9], total, good,
                s[10], s[11], s[12], flags);
    }

    private static double ratio(double part, double whole) {
        return whole > 0 ? part / whole : Double.NaN;
    }
}
