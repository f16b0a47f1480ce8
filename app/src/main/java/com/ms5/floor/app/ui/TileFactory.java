package com.ms5.floor.app.ui;

import eu.hansolo.tilesfx.Tile;
import eu.hansolo.tilesfx.TileBuilder;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.paint.Color;
import javafx.scene.control.Label;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;

/**
 * Builds the dashboard's TilesFX tiles in the control-room grey theme: dark text on light grey,
 * grey bars, and no colour unless something needs a person (ISA-101). Live tiles are not
 * animated: an animation per update would cost the FX thread more than the update itself.
 */
public final class TileFactory {
    public static final Color PANEL = Color.web("#e3e4e5");
    public static final Color TEXT = Color.web("#1d1f21");
    public static final Color MUTED = Color.web("#55595d");
    public static final Color BAR = Color.web("#6b7075");
    public static final Color BAR_BACKGROUND = Color.web("#c4c6c8");
    public static final Color ALARM = Color.web("#d0021b");
    public static final Color OFFLINE = Color.web("#8e24aa");
    public static final double SIZE = 300;

    private TileFactory() {
    }

    public static Tile number(String id, String title, String unit) {
        return styled(TileBuilder.create().skinType(Tile.SkinType.NUMBER).title(title).unit(unit).decimals(0)
                .minValue(Integer.MIN_VALUE).maxValue(Double.MAX_VALUE)
                .textVisible(false), id);
    }

    public static Tile sparkLine(String id, String title, String unit) {
        return styled(TileBuilder.create().skinType(Tile.SkinType.SPARK_LINE).title(title).unit(unit).decimals(1)
                // A tile clamps its value to [min, max] (default 0-100): a rate has no such bound.
                .minValue(0).maxValue(1_000_000)
                .averagingPeriod(60).averageVisible(false).startFromZero(true), id);
    }

    public static Tile gauge(String id, String title) {
        return styled(TileBuilder.create().skinType(Tile.SkinType.GAUGE).title(title).unit("%").decimals(1)
                .minValue(0).maxValue(100).thresholdVisible(false).needleColor(TEXT), id);
    }

    /** A tile whose body is one large word, readable across the room; {@code word} is its label. */
    public static Tile word(String id, String title, Label word) {
        word.setTextFill(TEXT);
        word.setAlignment(Pos.CENTER);
        word.setMaxWidth(Double.MAX_VALUE);
        Tile tile = styled(TileBuilder.create().skinType(Tile.SkinType.CUSTOM).title(title).graphic(word), id);
        // The word grows with its tile: at 10 m only size makes it readable.
        word.fontProperty().bind(Bindings.createObjectBinding(
                () -> Font.font("DejaVu Sans", FontWeight.BOLD, Math.max(24, tile.getWidth() / 8)), tile.widthProperty()));
        return tile;
    }

    private static Tile styled(TileBuilder<?> builder, String id) {
        Tile tile = builder.prefSize(SIZE, SIZE).maxSize(Double.MAX_VALUE, Double.MAX_VALUE).animated(false).roundedCorners(false)
                .backgroundColor(PANEL).foregroundColor(TEXT).titleColor(MUTED).textColor(MUTED)
                .valueColor(TEXT).unitColor(MUTED).descriptionColor(TEXT)
                .barColor(BAR).barBackgroundColor(BAR_BACKGROUND)
                .build();
        tile.setId(id);
        return tile;
    }
}
