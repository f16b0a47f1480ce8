package com.ms5.floor.plc.tagmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ms5.floor.plc.api.AndonSignal;
import com.ms5.floor.plc.api.PlcState;
import com.ms5.floor.plc.api.Role;
import com.ms5.floor.plc.api.StateRule;
import com.ms5.floor.plc.poll.PollTag;
import com.ms5.floor.plc.virtual.VirtualPlant;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tag-map model, its validation messages and its file format. */
class TagMapTest {
    private static final TagMap.Connection LOGIX = new TagMap.Connection("plc", Driver.LOGIX, "10.0.0.5", 44818, 0,
            List.of(new TagMap.ScanClass("fast", 100)));
    private static final TagMap.Connection SLC = new TagMap.Connection("slc", Driver.AB_ETH, "10.0.0.6", 2222, 1,
            List.of(new TagMap.ScanClass("fast", 250)));

    private static TagMap.Binding binding(Role role, String address, DataType type) {
        return new TagMap.Binding(role, null, address, type, null, 0, "fast");
    }

    private static List<String> problems(String connection, TagMap.Binding... bindings) {
        TagMap map = new TagMap("p", List.of(LOGIX, SLC), List.of(new TagMap.Line("L1", "line",
                List.of(new TagMap.Machine("M1", "machine", connection, List.of(bindings))))));
        return TagMapValidator.problems(map).stream().map(Object::toString).toList();
    }

    @Test
    void theDemoTagMapIsValidAndCoversEveryMachineOfTheDemoPlant() {
        TagMap demo = VirtualPlant.demoTagMap();
        assertThat(TagMapValidator.problems(demo)).isEmpty();
        assertThat(demo.machines()).hasSize(15);
        assertThat(demo.machine("L1-FILLER").orElseThrow().binding(Role.TOTAL_COUNT).orElseThrow().address())
                .isEqualTo("L1_Filler.TotalCount");
        assertThat(PollTag.of(demo, "line3-slc")).extracting(PollTag::driverAddress).contains("N10:2:WORD", "N10:9/0:SINGLEBIT");
        assertThat(PollTag.of(demo, "line1-plc")).extracting(PollTag::name).contains("L1-FILLER.totalCount");
    }

    @Test
    void aBadAddressIsReportedWithThePositionOfTheMistake() {
        assertThat(problems("plc", binding(Role.TOTAL_COUNT, "Filler.Total Count", DataType.DINT)))
                .containsExactly("lines[0].machines[0].bindings[0].address: 'Filler.Total Count' at position 13: unexpected ' '");
        assertThat(problems("plc", binding(Role.TOTAL_COUNT, "Filler.3Count", DataType.DINT)))
                .singleElement().asString().contains("at position 8: a tag or member name must start with a letter");
        assertThat(problems("slc", binding(Role.TOTAL_COUNT, "N10;2", DataType.INT)))
                .singleElement().asString().contains("'N10;2' at position 4: expected ':'");
        assertThat(problems("slc", binding(Role.RUNNING, "N10:9/16", DataType.BOOL)))
                .singleElement().asString().contains("a bit number is 0-15");
    }

    @Test
    void typesThePlc4xDriverCannotReadAreRefusedWithWhatToDoInstead() {
        assertThat(problems("plc", binding(Role.TOTAL_COUNT, "Filler.Count", DataType.UDINT)))
                .singleElement().asString().contains("UDINT reads as an empty value with PLC4X 0.13.1; bind it as DINT");
        assertThat(problems("plc", binding(Role.RUNNING, "Bits[3]", DataType.BOOL)))
                .singleElement().asString().contains("BOOL array elements read as an empty value");
        assertThat(problems("plc", binding(Role.TOTAL_COUNT, "Program:Line1.Count", DataType.DINT)))
                .singleElement().asString().contains("cannot read program-scoped tags");
        assertThat(problems("slc", binding(Role.SPEED, "F8:0", DataType.REAL)))
                .singleElement().asString().contains("reads N (integer) files only");
        assertThat(problems("slc", binding(Role.TOTAL_COUNT, "N10:2", DataType.DINT)))
                .singleElement().asString().contains("an N-file word is an INT");
    }

    @Test
    void duplicateRolesUnknownScanClassesAndScalingThatDividesByZeroAreProblems() {
        List<String> problems = problems("plc",
                binding(Role.STATE, "M.State", DataType.DINT),
                binding(Role.STATE, "M.State2", DataType.DINT),
                new TagMap.Binding(Role.SPEED, null, "M.Speed", DataType.REAL, null, 0, "slow"),
                new TagMap.Binding(Role.CUSTOM, "temperature", "M.Temp", DataType.INT,
                        new TagMap.Scaling(100, 100, 0, 50), 0, "fast"),
                binding(Role.STATE, "M.Mode", DataType.REAL));
        assertThat(problems).containsExactly(
                "lines[0].machines[0].bindings[1].role: STATE is bound twice on this machine",
                "lines[0].machines[0].bindings[2].scanClass: 'slow' is not a scan class of connection plc",
                "lines[0].machines[0].bindings[3].scaling: rawLow and rawHigh are equal, so scaling would divide by zero",
                "lines[0].machines[0].bindings[4].role: STATE is bound twice on this machine",
                "lines[0].machines[0].bindings[4].type: STATE is an integer (SINT, INT, DINT or LINT), not REAL");
    }

    /**
     * The plant's convention is the state word's table and the Andon bits; a machine of another
     * vendor reads BOOLs in its own rule. A rule that reads a tag the machine does not bind, a table
     * listing a value twice, a bit past 31 and a REAL as a condition are each said where they are.
     */
    @Test
    void stateRulesAndAndonSignalsMustReadTagsTheMachineBinds() {
        StateRule word = StateRule.word("state", PlcState.DOWN, new StateRule.WordValue(10, PlcState.RUNNING),
                new StateRule.WordValue(10, PlcState.STARVED));
        StateRule bools = StateRule.conditions(PlcState.RUNNING, new StateRule.Condition("Faulted", null, PlcState.DOWN),
                new StateRule.Condition("Status", 40, PlcState.STARVED), new StateRule.Condition("speed", null, PlcState.BLOCKED));
        TagMap.Machine ms5 = new TagMap.Machine("M1", "filler", "plc", List.of(binding(Role.STATE, "M1.State", DataType.DINT)));
        TagMap.Machine other = new TagMap.Machine("M2", "packer", "plc", List.of(
                new TagMap.Binding(Role.CUSTOM, "Faulted", "M2.Faulted", DataType.BOOL, null, 0, "fast"),
                binding(Role.SPEED, "M2.Speed", DataType.REAL)), bools, List.of());
        TagMap map = new TagMap("p", List.of(LOGIX), List.of(new TagMap.Line("L1", "line", List.of(ms5, other))))
                .withConventions(word, List.of(new AndonSignal("andon", 4, "maintenance")));
        assertThat(TagMapValidator.problems(map)).extracting(Object::toString).containsExactly(
                "state.values[1].value: 10 is listed twice",
                "lines[0].machines[0]: the maintenance call reads 'andon', which M1 does not bind: add a tag named andon, "
                        + "or give the machine its own rule",
                "lines[0].machines[1].state.conditions[1].bit: a bit of a word is 0-31, was 40",
                "lines[0].machines[1].state: a state condition reads 'Status', which M2 does not bind: add a tag named Status, "
                        + "or give the machine its own rule",
                "lines[0].machines[1].state: a state condition reads 'speed', a REAL: it must be a BOOL or an integer");
        assertThat(map.stateRule(ms5)).isEqualTo(word);
        assertThat(map.stateRule(other)).isEqualTo(bools);
        assertThat(map.andonSignals(other)).isEmpty(); // its own: none, so its faults raise the calls
        assertThat(bools.describe()).isEqualTo("first of Faulted = Down, Status bit 40 = Starved, speed = Blocked; otherwise Running");
    }

    /** A map without rules means MS5's state word where a machine binds one, else its running bit. */
    @Test
    void withoutARuleAMachineReadsMs5sStateWordOrItsRunningBit() {
        TagMap.Machine word = new TagMap.Machine("M1", "a", "plc", List.of(binding(Role.STATE, "M1.State", DataType.DINT)));
        TagMap.Machine bit = new TagMap.Machine("M2", "b", "plc", List.of(binding(Role.RUNNING, "M2.Run", DataType.BOOL)));
        TagMap.Machine counts = new TagMap.Machine("M3", "c", "plc", List.of(binding(Role.TOTAL_COUNT, "M3.Total", DataType.DINT)));
        TagMap map = new TagMap("p", List.of(LOGIX), List.of(new TagMap.Line("L1", "line", List.of(word, bit, counts))));
        assertThat(map.stateRule(word)).isEqualTo(StateRule.MS5_STATE_WORD);
        assertThat(map.stateRule(bit).stateOf(s -> 1L)).isEqualTo(PlcState.RUNNING);
        assertThat(map.stateRule(bit).stateOf(s -> 0L)).isEqualTo(PlcState.DOWN);
        assertThat(map.stateRule(counts)).isNull();
        assertThat(map.andonSignals(word)).isEqualTo(AndonSignal.MS5_ANDON_WORD);
    }

    @Test
    void aSavedMapLoadsBackTheSame(@TempDir Path dir) throws Exception {
        TagMap demo = VirtualPlant.demoTagMap();
        Path file = dir.resolve("plant.json");
        TagMapFile.save(demo, file);
        assertThat(TagMapFile.load(file)).isEqualTo(demo);
    }

    @Test
    void aBrokenFileNamesTheLineAndAnInvalidOneListsEveryProblem(@TempDir Path dir) throws Exception {
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\n  \"plant\": \"x\",\n  \"connections\": [ {\"id\": \"a\", \"driver\": \"profibus\"} ]\n}");
        assertThatThrownBy(() -> TagMapFile.load(broken)).hasMessageContaining("broken.json: line 3")
                .hasMessageContaining("connections[0].driver").hasMessageContaining("use 'logix' or 'ab-eth'");

        String invalid = "{\"plant\": \"\", \"connections\": [{\"id\": \"a\", \"driver\": \"logix\", \"host\": \"h\","
                + " \"port\": 0, \"slot\": 0, \"scanClasses\": []}], \"lines\": []}";
        assertThatThrownBy(() -> TagMapFile.load(new ByteArrayInputStream(invalid.getBytes(StandardCharsets.UTF_8)), "t.json"))
                .hasMessageContaining("t.json has 3 problem(s)")
                .hasMessageContaining("plant: give the plant a name")
                .hasMessageContaining("connections[0].port: must be 1-65535")
                .hasMessageContaining("connections[0].scanClasses: define at least one scan class");
    }
}
