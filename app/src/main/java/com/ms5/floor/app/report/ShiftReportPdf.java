package com.ms5.floor.app.report;

import com.ms5.floor.app.base.Messages;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import com.ms5.floor.analytics.andon.AndonCall;
import com.ms5.floor.analytics.downtime.DowntimeEvent;
import com.ms5.floor.analytics.downtime.DowntimeStats;
import com.ms5.floor.analytics.oee.OeeFigures;
import com.ms5.floor.app.base.TimeText;
import com.ms5.floor.app.model.ShiftReport;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A shift report as a PDF of one or two pages (A4, or Letter where the locale uses it): the headline
 * figures, the six big losses and the reasons as bar charts, the machines, the longest stops and the
 * Andon calls. Bars are two-cell tables whose widths are the figure, so they print sharp at any size.
 */
public final class ShiftReportPdf {
    private static final Color INK = new Color(0x1F, 0x29, 0x37);
    private static final Color MUTED = new Color(0x6B, 0x72, 0x80);
    private static final Color RULE = new Color(0xD1, 0xD5, 0xDB);
    private static final Color BAR = new Color(0x25, 0x63, 0xEB);
    private static final Color LOSS = new Color(0xDC, 0x26, 0x26);
    private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 18, INK);
    private static final Font HEADING = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 11, INK);
    private static final Font TEXT = FontFactory.getFont(FontFactory.HELVETICA, 8.5f, INK);
    private static final Font SMALL = FontFactory.getFont(FontFactory.HELVETICA, 7.5f, MUTED);
    private static final Font FIGURE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16, INK);
    private static final int ROWS = 10;

    private ShiftReportPdf() {
    }

    /** The report as PDF bytes. */
    public static byte[] of(ShiftReport report) {
        DateTimeFormatter time = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm").withZone(report.zone());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean letter = List.of("US", "CA").contains(Locale.getDefault().getCountry());
        Document document = new Document(letter ? PageSize.LETTER : PageSize.A4, 36, 36, 36, 36);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle(report.lineName() + " - " + report.period());
            document.addCreator("MS5 Floor Dashboard");
            document.open();
            document.add(new Paragraph(report.lineName() + " · " + report.period(), TITLE));
            document.add(new Paragraph(Messages.format("pdf.window", time.format(report.window().start()),
                    time.format(report.window().end()), Messages.profile(report.line().profile()),
                    time.format(report.builtAt()), report.source()), SMALL));
            document.add(headline(report));

            document.add(heading(Messages.get("pdf.losses")));
            Map<String, Double> losses = report.line().sixBigLosses();
            double worst = losses.values().stream().mapToDouble(Math::abs).max().orElse(0);
            PdfPTable lossTable = table(new float[] {3, 1, 6});
            losses.forEach((loss, seconds) -> {
                lossTable.addCell(cell(Messages.getOr("loss." + loss, loss)));
                lossTable.addCell(number(String.format("%.1f", seconds / 60)));
                lossTable.addCell(bar(Math.max(0, seconds), worst, LOSS));
            });
            document.add(lossTable);

            document.add(heading(Messages.get("pdf.reasons")));
            List<DowntimeStats.ParetoBar> pareto = report.pareto(DowntimeStats.Measure.TIME);
            double longest = pareto.isEmpty() ? 0 : pareto.getFirst().seconds();
            PdfPTable reasons = table(new float[] {3.6f, 0.8f, 1.4f, 1.2f, 3.6f});
            header(reasons, Messages.get("reports.reason"), Messages.get("pdf.stops"), Messages.get("pdf.time"),
                    Messages.format("pdf.cost", report.cost().currency()), "");
            for (DowntimeStats.ParetoBar bar : pareto.stream().limit(ROWS).toList()) {
                reasons.addCell(cell(bar.reasonPath()));
                reasons.addCell(number(Integer.toString(bar.count())));
                reasons.addCell(number(TimeText.length(bar.seconds())));
                reasons.addCell(number(report.cost().any() ? String.format("%,.0f", bar.cost()) : "–"));
                reasons.addCell(bar(bar.seconds(), longest, BAR));
            }
            emptyRow(reasons, pareto.isEmpty(), Messages.get("pdf.noStops"));
            document.add(reasons);

            document.add(heading(Messages.get("reports.machines")));
            PdfPTable machines = table(new float[] {3, 1, 1, 1, 1, 1.3f, 1, 1.3f, 1.3f});
            header(machines, Messages.get("reports.machine"), "OEE", Messages.get("pdf.availShort"), Messages.get("pdf.perfShort"),
                    Messages.get("tile.quality"), Messages.get("reports.goodOfAll"), Messages.get("reports.failures"), "MTBF", "MTTR");
            for (ShiftReport.MachineRow m : report.machines()) {
                OeeFigures f = m.oee();
                machines.addCell(cell(m.name()));
                machines.addCell(number(percent(f.oee())));
                machines.addCell(number(percent(f.availability())));
                machines.addCell(number(percent(f.performance())));
                machines.addCell(number(percent(f.quality())));
                machines.addCell(number(String.format("%,d / %,d", f.goodCount(), f.totalCount())));
                machines.addCell(number(Integer.toString(m.reliability().failures())));
                machines.addCell(number(length(m.reliability().mtbfSeconds())));
                machines.addCell(number(length(m.reliability().mttrSeconds())));
            }
            document.add(machines);

            document.add(heading(Messages.get("reports.stops")));
            PdfPTable stops = table(new float[] {1.6f, 2, 1.2f, 3, 3});
            header(stops, Messages.get("reports.start"), Messages.get("reports.machine"), Messages.get("reports.length"),
                    Messages.get("reports.reason"), Messages.get("reports.comment"));
            DateTimeFormatter clock = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH).withZone(report.zone());
            List<DowntimeEvent> longestStops = report.longestStops(ROWS);
            for (DowntimeEvent stop : longestStops) {
                stops.addCell(cell(clock.format(stop.start())));
                stops.addCell(cell(report.machineName(stop.machineId())));
                stops.addCell(number(TimeText.length(stop.secondsWithin(report.window()))));
                stops.addCell(cell(report.reasons().contains(stop.reasonId()) ? report.reasons().path(stop.reasonId()) : stop.reasonId()));
                stops.addCell(cell(stop.comment() == null ? "" : stop.comment()));
            }
            emptyRow(stops, longestStops.isEmpty(), Messages.get("pdf.noStops"));
            document.add(stops);

            document.add(heading(Messages.get("reports.calls")));
            PdfPTable calls = table(new float[] {1.2f, 2, 2, 2, 1.3f, 1.3f});
            header(calls, Messages.get("reports.raised"), Messages.get("reports.call"), Messages.get("reports.machine"),
                    Messages.get("reports.acknowledgedBy"), Messages.get("reports.response"), Messages.get("reports.resolution"));
            for (AndonCall call : report.calls()) {
                calls.addCell(cell(clock.format(call.raisedAt())));
                calls.addCell(cell(call.type().label()));
                calls.addCell(cell(report.machineName(call.machineId())));
                calls.addCell(cell(call.acknowledgedBy() == null ? Messages.get("pdf.notAcknowledged") : call.acknowledgedBy()));
                calls.addCell(number(duration(call.responseTime())));
                calls.addCell(number(duration(call.resolutionTime())));
            }
            emptyRow(calls, report.calls().isEmpty(), Messages.get("pdf.noCalls"));
            document.add(calls);
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("The PDF could not be laid out: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    /** OEE, its three factors, TEEP and the parts against target, large. */
    private static PdfPTable headline(ShiftReport report) {
        OeeFigures f = report.line();
        PdfPTable figures = table(new float[] {1, 1, 1, 1, 1, 1.6f});
        figures.setSpacingBefore(10);
        String[][] tiles = {{"OEE", percent(f.oee())}, {Messages.get("tile.availability"), percent(f.availability())},
                {Messages.get("tile.performance"), percent(f.performance())}, {Messages.get("tile.quality"), percent(f.quality())},
                {"TEEP", percent(f.teep())},
                {Messages.get("reports.goodOfTarget"), String.format("%,d / %,d", report.good(), report.target())}};
        for (String[] tile : tiles) {
            PdfPCell cell = new PdfPCell();
            cell.setBorderColor(RULE);
            cell.setPadding(6);
            cell.addElement(new Paragraph(tile[0], SMALL));
            cell.addElement(new Paragraph(tile[1], FIGURE));
            figures.addCell(cell);
        }
        return figures;
    }

    private static Paragraph heading(String text) {
        Paragraph heading = new Paragraph(text, HEADING);
        heading.setSpacingBefore(12);
        heading.setSpacingAfter(4);
        return heading;
    }

    private static PdfPTable table(float[] widths) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setHeaderRows(0);
        return table;
    }

    private static void header(PdfPTable table, String... titles) {
        for (String title : titles) {
            PdfPCell cell = new PdfPCell(new Phrase(title, SMALL));
            cell.setBorder(Rectangle.BOTTOM);
            cell.setBorderColor(RULE);
            table.addCell(cell);
        }
        table.setHeaderRows(1);
    }

    private static void emptyRow(PdfPTable table, boolean empty, String text) {
        if (empty) {
            PdfPCell cell = new PdfPCell(new Phrase(text, SMALL));
            cell.setColspan(table.getNumberOfColumns());
            cell.setBorder(Rectangle.NO_BORDER);
            table.addCell(cell);
        }
    }

    private static PdfPCell cell(String text) {
        PdfPCell cell = new PdfPCell(new Phrase(text, TEXT));
        cell.setBorder(Rectangle.BOTTOM);
        cell.setBorderColor(RULE);
        cell.setPaddingBottom(3);
        return cell;
    }

    private static PdfPCell number(String text) {
        PdfPCell cell = cell(text);
        cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
        return cell;
    }

    /** A horizontal bar: {@code value} of {@code max} filled. */
    private static PdfPCell bar(double value, double max, Color color) {
        float share = max > 0 ? (float) Math.min(1, value / max) : 0;
        PdfPCell holder = new PdfPCell();
        holder.setBorder(Rectangle.BOTTOM);
        holder.setBorderColor(RULE);
        holder.setPadding(2);
        if (share > 0.001f) {
            PdfPTable bar = new PdfPTable(share < 0.999f ? new float[] {share, 1 - share} : new float[] {1});
            bar.setWidthPercentage(100);
            PdfPCell filled = new PdfPCell();
            filled.setBackgroundColor(color);
            filled.setBorder(Rectangle.NO_BORDER);
            filled.setFixedHeight(8);
            bar.addCell(filled);
            if (share < 0.999f) {
                PdfPCell rest = new PdfPCell();
                rest.setBorder(Rectangle.NO_BORDER);
                bar.addCell(rest);
            }
            holder.addElement(bar);
        }
        return holder;
    }

    private static String percent(double share) {
        return Double.isNaN(share) ? "–" : String.format("%.1f %%", share * 100);
    }

    private static String length(double seconds) {
        return Double.isNaN(seconds) ? "–" : TimeText.length(seconds);
    }

    private static String duration(Duration d) {
        return d == null ? "–" : TimeText.length(d.toSeconds());
    }
}
