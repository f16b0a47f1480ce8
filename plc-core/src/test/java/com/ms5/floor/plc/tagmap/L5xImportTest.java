package com.ms5.floor.plc.tagmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ms5.floor.plc.api.Role;
import java.io.InputStream;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The L5X files under test resources are written like Studio 5000 v33 exports of a CompactLogix. */
class L5xImportTest {
    private static L5xImport.Result read(String file) throws Exception {
        try (InputStream in = L5xImportTest.class.getResourceAsStream("/l5x/" + file)) {
            return L5xImport.read(in, file);
        }
    }

    private static Map<String, L5xImport.Row> byAddress(L5xImport.Result result) {
        return result.rows().stream().collect(Collectors.toMap(L5xImport.Row::address, Function.identity()));
    }

    @Test
    void aControllerExportListsEveryValueWithItsTypeDescriptionAndAdvice() throws Exception {
        L5xImport.Result result = read("line1-controller.L5X");
        assertThat(result.controller()).isEqualTo("Line1_PLC");
        assertThat(result.processor()).isEqualTo("1769-L33ER");
        Map<String, L5xImport.Row> rows = byAddress(result);

        // UDT members, with descriptions from the tag's comments over the type's
        assertThat(rows.get("L1_Filler.TotalCount")).isEqualTo(new L5xImport.Row("Controller", "L1_Filler.TotalCount",
                DataType.DINT, "Bottles into the filler", null));
        assertThat(rows.get("L1_Filler.State").description()).isEqualTo("PackML-like state word");
        assertThat(rows.get("L1_Filler.FaultCode").type()).isEqualTo(DataType.INT);
        assertThat(rows.get("L1_Filler.Speed").type()).isEqualTo(DataType.REAL);
        // BIT members are BOOLs; their hidden SINT host is not offered
        assertThat(rows.get("L1_Filler.Running").type()).isEqualTo(DataType.BOOL);
        assertThat(rows.keySet()).noneMatch(a -> a.contains("ZZZZ"));
        // a nested UDT and a STRING inside it
        assertThat(rows.get("L1_Filler.Recipe.ProductId").type()).isEqualTo(DataType.DINT);
        assertThat(rows.get("L1_Filler.Recipe.Name").type()).isEqualTo(DataType.STRING);
        // an array member and an unsigned member cannot be read by PLC4X, and each says what to do
        assertThat(rows.get("L1_Filler.History[10]").problem()).contains("alias");
        assertThat(rows.get("L1_Filler.SerialNo").problem()).contains("bind it as DINT");

        // atomic arrays are listed element by element; other arrays say why not
        assertThat(rows.get("Speeds[3]")).isEqualTo(new L5xImport.Row("Controller", "Speeds[3]", DataType.REAL,
                "Line speeds", null));
        assertThat(rows.get("Grid[3,2]").problem()).contains("multi-dimensional");
        assertThat(rows.get("Flags[0..31]").problem()).contains("BOOL array");
        assertThat(rows.get("Machines[0..1]").problem()).contains("members of an array element");

        // aliases take the target's type; a bit alias is a BOOL; an I/O point's type is unknown
        assertThat(rows.get("FillerTotal").type()).isEqualTo(DataType.DINT);
        assertThat(rows.get("FillerTotal").description()).isEqualTo("Filler, line 1");
        assertThat(rows.get("FillerRunBit")).isEqualTo(new L5xImport.Row("Controller", "FillerRunBit", DataType.BOOL,
                "State bit 3", null));
        assertThat(rows.get("Infeed_PE").problem()).contains("Local:1:I.Data.0").contains("by hand");

        // built-in TIMER members, AOI parameters other than InOut, produced tags
        assertThat(rows.get("ShiftTimer.ACC").type()).isEqualTo(DataType.DINT);
        assertThat(rows.get("ShiftTimer.DN").type()).isEqualTo(DataType.BOOL);
        assertThat(rows.get("Conveyor1.Speed").description()).isEqualTo("Belt speed m/min");
        assertThat(rows).doesNotContainKey("Conveyor1.Motor");
        assertThat(rows.get("MesHeartbeat").readable()).isTrue();
        // a type the file does not define
        assertThat(rows.get("Vendor_Block").problem()).contains("UDT_FromVendor is not in the file");

        // program scope: listed, with PLC4X's limit and the way around it
        L5xImport.Row local = rows.get("Program:MainProgram.LocalCount");
        assertThat(local.scope()).isEqualTo("Program:MainProgram");
        assertThat(local.description()).isEqualTo("Scratch counter");
        assertThat(local.problem()).contains("program-scoped").contains("controller-scoped");

        // every readable row is an address the logix driver takes
        assertThat(result.rows()).filteredOn(L5xImport.Row::readable).allSatisfy(r ->
                assertThat(TagAddress.plc4x(Driver.LOGIX, r.address(), r.type())).isEqualTo(r.address() + ":" + r.type()));
        assertThat(result.readableCount()).isEqualTo(result.rows().stream().filter(r -> r.problem() == null).count());
    }

    @Test
    void namesSuggestTheirRoles() throws Exception {
        Map<String, L5xImport.Row> rows = byAddress(read("line1-controller.L5X"));
        assertThat(rows.get("L1_Filler.TotalCount").suggestedRole()).isEqualTo(Role.TOTAL_COUNT);
        assertThat(rows.get("L1_Filler.GoodCount").suggestedRole()).isEqualTo(Role.GOOD_COUNT);
        assertThat(rows.get("L1_Filler.RejectCount").suggestedRole()).isEqualTo(Role.REJECT_COUNT);
        assertThat(rows.get("L1_Filler.State").suggestedRole()).isEqualTo(Role.STATE);
        assertThat(rows.get("L1_Filler.FaultCode").suggestedRole()).isEqualTo(Role.FAULT_CODE);
        assertThat(rows.get("L1_Filler.Running").suggestedRole()).isEqualTo(Role.RUNNING);
        assertThat(rows.get("L1_Filler.Speed").suggestedRole()).isEqualTo(Role.SPEED);
        assertThat(rows.get("L1_Filler.AndonRequest").suggestedRole()).isEqualTo(Role.CUSTOM); // a BOOL, not the andon word
        assertThat(rows.get("L1_Filler.Recipe.ProductId").suggestedRole()).isEqualTo(Role.PRODUCT_ID);
        assertThat(rows.get("ShiftTimer.ACC").suggestedRole()).isEqualTo(Role.CUSTOM);
    }

    @Test
    void aMalformedFileIsRefusedWithItsLineAndColumn() {
        assertThatThrownBy(() -> read("truncated.L5X"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("truncated.L5X is not well-formed XML at line 9, column")
                .hasMessageContaining("Export it again");
    }

    @Test
    void anotherXmlFileIsRefusedAsNotAnExport() {
        assertThatThrownBy(() -> read("not-an-export.xml"))
                .hasMessageContaining("not an L5X export").hasMessageContaining("<project>");
    }

    @Test
    void aDoctypeIsRefusedSoNoExternalEntityIsRead() {
        String evil = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<RSLogix5000Content><Controller Name=\"&e;\"/></RSLogix5000Content>";
        assertThatThrownBy(() -> L5xImport.read(new java.io.ByteArrayInputStream(evil.getBytes()), "evil.L5X"))
                .hasMessageContaining("evil.L5X is not well-formed XML");
    }
}
