package com.ms5.floor.plc.tagmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ms5.floor.plc.api.Role;
import com.ms5.floor.plc.virtual.VirtualPlant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BindingCsvTest {
    private final TagMap demo = VirtualPlant.demoTagMap();

    @Test
    void exportThenImportGivesBackTheSameMapExactly() {
        // a binding with scaling, a fractional deadband, and a name that needs quoting
        TagMap.Machine filler = demo.machine("L1-FILLER").orElseThrow();
        List<TagMap.Binding> bindings = new ArrayList<>(filler.bindings());
        bindings.add(new TagMap.Binding(Role.CUSTOM, "Tank_Level", "L1_Filler_Level", DataType.REAL,
                new TagMap.Scaling(0, 27648, 0, 100.0 / 3), 0.1, "normal"));
        TagMap map = replace(demo, new TagMap.Machine(filler.id(), filler.name(), filler.connection(), bindings));

        String csv = BindingCsv.export(map);
        List<BindingCsv.Row> rows = BindingCsv.read(csv, map);
        assertThat(rows).allMatch(BindingCsv.Row::ok);
        assertThat(rows).hasSize(map.machines().stream().mapToInt(m -> m.bindings().size()).sum());
        TagMap back = BindingCsv.apply(VirtualPlant.demoTagMap(), rows);
        assertThat(back).isEqualTo(map);
        assertThat(BindingCsv.export(back)).isEqualTo(csv);
        assertThat(csv).startsWith("machine,role,name,address,type,scanClass,deadband,rawLow,rawHigh,engLow,engHigh\r\n")
                .contains("L1-FILLER,CUSTOM,Tank_Level,L1_Filler_Level,REAL,normal,0.1,0,27648,0,33.333333333333336\r\n");
    }

    /** Excel on a German Windows saves CSV as Windows-1252: its umlauts are read, not refused as bad UTF-8. */
    @Test
    void aSpreadsheetsWindowsTextIsReadAsWellAsUtf8() {
        String row = "L1-FILLER,CUSTOM,Füllstand,L1_Filler_Level,REAL,normal,0,,,,";
        assertThat(BindingCsv.text(row.getBytes(java.nio.charset.Charset.forName("windows-1252")))).isEqualTo(row);
        assertThat(BindingCsv.text(row.getBytes(java.nio.charset.StandardCharsets.UTF_8))).isEqualTo(row);
    }

    @Test
    void quotedFieldsAndASpreadsheetsByteOrderMarkAreRead() {
        assertThat(BindingCsv.parse("\uFEFFa,\"b,c\",\"say \"\"hi\"\"\"\nd,,e\n"))
                .containsExactly(List.of("a", "b,c", "say \"hi\""), List.of("d", "", "e"));
    }

    @Test
    void everyBadRowNamesItsLineAndProblemAndNothingIsApplied() {
        String csv = String.join("\n",
                "machine,role,name,address,type,scanClass,deadband,rawLow,rawHigh,engLow,engHigh",
                "L1-FILLER,TOTAL_COUNT,,L1_Filler.TotalCount,DINT,fast,0,,,,",
                "L9-NOPE,GOOD_COUNT,,X.Good,DINT,fast,0,,,,",
                "L1-FILLER,COUNT,,X.Count,DINT,fast,0,,,,",
                "L1-FILLER,SPEED,,L1_Filler.Speed,REAL,fast,half,,,,",
                "L1-FILLER,SPEED,,L1_Filler.Speed,REAL,fast,0,0,100,,",
                "L1-FILLER,FAULT_CODE,,Program:Main.Fault,DINT,fast,0,,,,",
                "L1-FILLER,STATE,,L1_Filler.State,DINT,slow,0,,,,",
                "L1-FILLER,TOTAL_COUNT,,L1_Filler.Total2,DINT,fast,0,,,,",
                "L1-FILLER,GOOD_COUNT,,L1_Filler.GoodCount,DINT,fast",
                "L3-FILLER,GOOD_COUNT,,N7:3,DINT,fast,0,,,,");
        List<BindingCsv.Row> rows = BindingCsv.read(csv, demo);
        assertThat(rows.get(0).ok()).isTrue();
        assertThat(rows.get(1).problems()).containsExactly("machine 'L9-NOPE' is not in the tag map; add it to the equipment first");
        assertThat(rows.get(2).line()).isEqualTo(4);
        assertThat(rows.get(2).problems().get(0)).startsWith("role 'COUNT' is not one of [STATE, RUNNING");
        assertThat(rows.get(3).problems()).containsExactly("deadband 'half' is not a number (use a point for decimals: 0.5)");
        assertThat(rows.get(4).problems()).containsExactly("scaling needs all four of rawLow, rawHigh, engLow, engHigh, or none");
        assertThat(rows.get(5).problems()).singleElement().asString().contains("program-scoped");
        assertThat(rows.get(6).problems()).containsExactly("scanClass: 'slow' is not a scan class of connection line1-plc");
        assertThat(rows.get(7).problems()).containsExactly("TOTAL_COUNT is bound twice on L1-FILLER in this file");
        assertThat(rows.get(8).problems()).containsExactly("has 6 columns, the header 11");
        assertThat(rows.get(9).problems()).singleElement().asString().contains("an N-file word is an INT");
        assertThatThrownBy(() -> BindingCsv.apply(demo, rows)).hasMessageStartingWith("9 row(s) have problems, first line 3");
    }

    @Test
    void aFileWithoutTheHeaderIsRefused() {
        assertThatThrownBy(() -> BindingCsv.read("tag;address\nA;B\n", demo))
                .hasMessageContaining("The first line must be the header machine,role,").hasMessageContaining("tag;address");
    }

    private static TagMap replace(TagMap map, TagMap.Machine machine) {
        return map.withLines(map.lines().stream().map(l -> new TagMap.Line(l.id(), l.name(),
                l.machines().stream().map(m -> m.id().equals(machine.id()) ? machine : m).toList())).toList());
    }
}
