package com.ms5.floor.app.ui.line;

import com.ms5.floor.app.base.Messages;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * A Gantt chart of machine states over a window: one row per machine, one bar per stretch,
 * coloured by what the time was lost to. The wheel zooms around the pointer, dragging pans,
 * a double click (or Home) shows the whole window again; +, - and the arrow keys do the same from
 * the keyboard. Hovering shows a bar's details; clicking a bar hands its item to {@link #setOnBarClicked}.
 * Drawn on one canvas: thousands of bars cost one redraw, not thousands of nodes.
 */
final class TimelineChart extends Region {
    /** What a bar shows, with its colour: grey while running, colour only for lost time. */
    enum Kind {
        RUNNING(Color.web("#b3b7ba")),
        MICRO_STOP(Color.web("#868b90")),
        BREAKDOWN(Color.web("#d0021b")),
        NEEDS_REASON(Color.web("#d0021b")),
        MATERIAL(Color.web("#f5a623")),
        SETUP(Color.web("#3d6aa8")),
        QUALITY(Color.web("#1f8a80")),
        PLANNED(Color.web("#e9eaeb")),
        NO_DATA(Color.web("#8e24aa"));

        final Color color;

        Kind(Color color) {
            this.color = color;
        }

        /** What the legend calls it. */
        String label() {
            return Messages.get("timeline." + name());
        }
    }

    /** One stretch; {@code item} is what a click hands back (a stop), or null. */
    record Bar(Instant start, Instant end, Kind kind, String details, Object item) {
    }

    /** A machine's bars; {@code stops} are drawn over {@code states} where a person gave them a reason. */
    record Row(String label, List<Bar> states, List<Bar> stops) {
    }

    private static final double LABEL_WIDTH = 190;
    private static final double AXIS_HEIGHT = 26;
    private static final double ROW_HEIGHT = 30;
    private static final double ROW_GAP = 6;
    private static final Duration MIN_SPAN = Duration.ofMinutes(2);
    private static final ZoneId ZONE = ZoneId.systemDefault();
    private static final DateTimeFormatter HOUR_MINUTE = DateTimeFormatter.ofPattern("HH:mm").withZone(ZONE);

    private final Canvas canvas = new Canvas();
    private final Tooltip tooltip = new Tooltip();
    private List<Row> rows = List.of();
    private Instant windowStart = Instant.EPOCH;
    private Instant windowEnd = Instant.EPOCH.plusSeconds(3600);
    private Instant viewStart = windowStart;
    private Instant viewEnd = windowEnd;
    private boolean zoomed;
    private double dragX = Double.NaN;
    private Consumer<Object> onBarClicked = item -> { };

    TimelineChart() {
        getStyleClass().add("timeline-chart");
        getChildren().add(canvas);
        setFocusTraversable(true);
        tooltip.setShowDelay(javafx.util.Duration.millis(150));
        tooltip.setHideDelay(javafx.util.Duration.ZERO);
        Tooltip.install(canvas, tooltip);
        canvas.setOnScroll(e -> zoom(e.getDeltaY() > 0 ? 0.8 : 1.25, e.getX()));
        canvas.setOnMousePressed(e -> {
            dragX = e.getX();
            requestFocus();
        });
        canvas.setOnMouseDragged(e -> {
            pan(dragX - e.getX());
            dragX = e.getX();
        });
        canvas.setOnMouseMoved(e -> {
            Bar bar = barAt(e.getX(), e.getY());
            tooltip.setText(bar == null ? null : bar.details());
            if (bar == null) {
                tooltip.hide();
            }
        });
        canvas.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                showAll();
                return;
            }
            Bar bar = barAt(e.getX(), e.getY());
            if (bar != null && bar.item() != null && e.isStillSincePress()) {
                onBarClicked.accept(bar.item());
            }
        });
        setOnKeyPressed(e -> {
            double middle = LABEL_WIDTH + plotWidth() / 2;
            if (e.getCode() == KeyCode.PLUS || e.getCode() == KeyCode.ADD || e.getCode() == KeyCode.EQUALS) {
                zoom(0.8, middle);
            } else if (e.getCode() == KeyCode.MINUS || e.getCode() == KeyCode.SUBTRACT) {
                zoom(1.25, middle);
            } else if (e.getCode() == KeyCode.LEFT) {
                pan(-plotWidth() / 8);
            } else if (e.getCode() == KeyCode.RIGHT) {
                pan(plotWidth() / 8);
            } else if (e.getCode() == KeyCode.HOME) {
                showAll();
            } else {
                return;
            }
            e.consume();
        });
    }

    void setOnBarClicked(Consumer<Object> handler) {
        onBarClicked = handler;
    }

    /** New data; a zoomed-in view stays where it is, otherwise the whole window is shown. */
    void show(Instant start, Instant end, List<Row> newRows) {
        windowStart = start;
        windowEnd = end.isAfter(start) ? end : start.plusSeconds(1);
        rows = List.copyOf(newRows);
        // What a screen reader (and a test) can read from a picture.
        setAccessibleText(Messages.format("line.accessible", rows.size(), rows.stream().mapToInt(r -> r.states().size()).sum(),
                rows.stream().mapToInt(r -> r.stops().size()).sum()));
        if (!zoomed) {
            viewStart = windowStart;
            viewEnd = windowEnd;
        }
        requestLayout();
        draw();
    }

    /** The visible part of the window (for tests and the zoom label). */
    Instant viewStart() {
        return viewStart;
    }

    Instant viewEnd() {
        return viewEnd;
    }

    void showAll() {
        zoomed = false;
        viewStart = windowStart;
        viewEnd = windowEnd;
        draw();
    }

    /** Scales the visible span by {@code factor} around the time under {@code x}. */
    void zoom(double factor, double x) {
        double span = Duration.between(viewStart, viewEnd).toMillis();
        double newSpan = Math.max(MIN_SPAN.toMillis(), Math.min(span * factor,
                Duration.between(windowStart, windowEnd).toMillis()));
        double share = Math.clamp((x - LABEL_WIDTH) / plotWidth(), 0, 1);
        Instant pivot = viewStart.plusMillis((long) (span * share));
        setView(pivot.minusMillis((long) (newSpan * share)), (long) newSpan);
    }

    private void pan(double pixels) {
        long span = Duration.between(viewStart, viewEnd).toMillis();
        setView(viewStart.plusMillis((long) (pixels / plotWidth() * span)), span);
    }

    private void setView(Instant start, long spanMillis) {
        Instant latestStart = windowEnd.minusMillis(spanMillis);
        viewStart = start.isBefore(windowStart) ? windowStart : start.isAfter(latestStart) ? latestStart : start;
        viewEnd = viewStart.plusMillis(spanMillis);
        zoomed = viewStart.isAfter(windowStart) || viewEnd.isBefore(windowEnd);
        draw();
    }

    @Override
    protected double computePrefHeight(double width) {
        return AXIS_HEIGHT + rows.size() * (ROW_HEIGHT + ROW_GAP) + 4;
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    private double plotWidth() {
        return Math.max(1, getWidth() - LABEL_WIDTH - 8);
    }

    private double xOf(Instant t) {
        double span = Duration.between(viewStart, viewEnd).toMillis();
        return LABEL_WIDTH + Duration.between(viewStart, t).toMillis() / span * plotWidth();
    }

    private double rowTop(int row) {
        return AXIS_HEIGHT + row * (ROW_HEIGHT + ROW_GAP);
    }

    private Bar barAt(double x, double y) {
        int row = (int) Math.floor((y - AXIS_HEIGHT) / (ROW_HEIGHT + ROW_GAP));
        if (row < 0 || row >= rows.size() || y - rowTop(row) > ROW_HEIGHT || x < LABEL_WIDTH) {
            return null;
        }
        for (List<Bar> layer : List.of(rows.get(row).stops(), rows.get(row).states())) {
            for (Bar bar : layer) {
                if (x >= xOf(bar.start()) && x <= Math.max(xOf(bar.end()), xOf(bar.start()) + 2)) {
                    return bar;
                }
            }
        }
        return null;
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.setFill(Color.web("#e3e4e5"));
        g.fillRect(0, 0, w, h);
        if (w <= LABEL_WIDTH) {
            return;
        }
        drawAxis(g, h);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            double top = rowTop(i);
            g.setFill(Color.web("#1d1f21"));
            g.setFont(Font.font("DejaVu Sans", FontWeight.BOLD, 14));
            g.fillText(row.label(), 8, top + ROW_HEIGHT / 2, LABEL_WIDTH - 14);
            g.save();
            g.beginPath();
            g.rect(LABEL_WIDTH, top, plotWidth(), ROW_HEIGHT);
            g.clip();
            drawLayer(g, row.states(), top);
            drawLayer(g, row.stops(), top);
            g.restore();
        }
    }

    /**
     * Bars in time order; over a month, many share a pixel: a bar that adds no pixel to what this
     * layer has painted is skipped (at that zoom the eye cannot tell them apart anyway).
     */
    private void drawLayer(GraphicsContext g, List<Bar> bars, double top) {
        double painted = Double.NEGATIVE_INFINITY;
        for (Bar bar : bars) {
            if (!bar.end().isAfter(viewStart) || !bar.start().isBefore(viewEnd)) {
                continue;
            }
            double x0 = xOf(bar.start());
            double x1 = Math.max(xOf(bar.end()), x0 + 1); // a short stop stays visible at any zoom
            if (Math.ceil(x1) <= painted) {
                continue;
            }
            drawBar(g, bar, top, x0, x1);
            painted = Math.max(painted, Math.ceil(x1));
        }
    }

    private void drawBar(GraphicsContext g, Bar bar, double top, double x0, double x1) {
        g.setFill(bar.kind().color);
        g.fillRect(x0, top, x1 - x0, ROW_HEIGHT);
        if (bar.kind() == Kind.NEEDS_REASON && x1 - x0 > 6) {
            // Stripes: down and nobody has said why yet; shape as well as colour (ISA-101).
            g.setStroke(Color.WHITE);
            g.setLineWidth(2);
            for (double x = x0 - ROW_HEIGHT; x < x1; x += 10) {
                g.strokeLine(Math.max(x, x0), top + ROW_HEIGHT - Math.max(0, x0 - x),
                        Math.min(x + ROW_HEIGHT, x1), top + Math.max(0, x + ROW_HEIGHT - x1));
            }
        }
        if (bar.kind() == Kind.PLANNED) {
            g.setStroke(Color.web("#a9acae"));
            g.setLineWidth(1);
            g.strokeRect(x0 + 0.5, top + 0.5, x1 - x0 - 1, ROW_HEIGHT - 1);
        }
    }

    private void drawAxis(GraphicsContext g, double h) {
        long spanMinutes = Duration.between(viewStart, viewEnd).toMinutes();
        long step = spanMinutes > 360 ? 60 : spanMinutes > 120 ? 30 : spanMinutes > 45 ? 10 : spanMinutes > 15 ? 5 : 1;
        Instant tick = Instant.ofEpochSecond(viewStart.getEpochSecond() / (step * 60) * step * 60);
        g.setFont(Font.font("DejaVu Sans", 12));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (; !tick.isAfter(viewEnd); tick = tick.plusSeconds(step * 60)) {
            if (tick.isBefore(viewStart)) {
                continue;
            }
            double x = xOf(tick);
            g.setStroke(Color.web("#c4c6c8"));
            g.setLineWidth(1);
            g.strokeLine(x, AXIS_HEIGHT - 4, x, h);
            g.setFill(Color.web("#55595d"));
            g.fillText(HOUR_MINUTE.format(tick), x, 4);
        }
    }
}
