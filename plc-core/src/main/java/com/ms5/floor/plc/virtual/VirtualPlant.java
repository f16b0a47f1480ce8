package com.ms5.floor.plc.virtual;

import com.ms5.floor.plc.tagmap.TagMap;
import com.ms5.floor.plc.tagmap.TagMapFile;
import java.io.UncheckedIOException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A plant file brought to life: its line simulation, and one virtual controller per controller
 * in the file on 127.0.0.1 whose tags show the machines' values.
 *
 * <p>Tags of a machine on a Logix controller: one tag of the UDT {@code MS5_Machine}, named by the
 * machine's {@code tag}, with members State, FaultCode, TotalCount, GoodCount, RejectCount (DINT),
 * Speed (REAL, parts/min), ProductId, JobId, Andon (DINT) and the BOOLs Running, Faulted, Starved
 * and Blocked; per line a STRING {@code Line<n>_Product}. On an SLC: the machine's N file, words
 * 0-10 = state, fault code, total, good and reject count (16-bit, wrapping), speed (parts/min),
 * product id, job id, Andon bits, running (0/1), status bits (0 faulted, 1 starved, 2 blocked);
 * plus S2, B3, T4, C5 and F8 (F8:i = speed of the line's machine i). The state word and the Andon
 * bits follow the plant file's convention.
 */
public final class VirtualPlant implements AutoCloseable {
    /** SLC machine counters count 0..32767 and then start again at 0. */
    public static final int SLC_COUNTER_ROLLOVER = 32768;

    /** The demo plant's filler, which demo mode shows. */
    public static final String MACHINE_ID = "L1-FILLER";

    /** The machine UDT of the demo tag layout. */
    public static final LogixType.Struct MACHINE_UDT = LogixType.udt("MS5_Machine", 0x4D35, List.of(
            new LogixType.Member("State", LogixType.Atomic.DINT, 0, 1),
            new LogixType.Member("FaultCode", LogixType.Atomic.DINT, 0, 1),
            new LogixType.Member("TotalCount", LogixType.Atomic.DINT, 0, 1),
            new LogixType.Member("GoodCount", LogixType.Atomic.DINT, 0, 1),
            new LogixType.Member("RejectCount", LogixType.Atomic.DINT, 0, 1),
            new LogixType.Member("Speed", LogixType.Atomic.REAL, 0, 1),
            new LogixType.Member("ProductId", LogixType.Atomic.DINT, 0, 1),
            new LogixType.Member("JobId", LogixType.Atomic.DINT, 0, 1),
            new LogixType.Member("Andon", LogixType.Atomic.DINT, 0, 1),
            new LogixType.Member("Running", LogixType.Atomic.BOOL, 0, 1),
            new LogixType.Member("Faulted", LogixType.Atomic.BOOL, 0, 1),
            new LogixType.Member("Starved", LogixType.Atomic.BOOL, 0, 1),
            new LogixType.Member("Blocked", LogixType.Atomic.BOOL, 0, 1)));

    private final LineSimulation simulation;
    private final Map<String, VirtualController> controllers;

    private VirtualPlant(LineSimulation simulation, Map<String, VirtualController> controllers) {
        this.simulation = simulation;
        this.controllers = controllers;
    }

    /**
     * Starts the simulation and its controllers.
     *
     * @param clock the plant clock (a {@link com.ms5.floor.plc.api.ScaledClock} runs it faster than real time)
     */
    public static VirtualPlant start(PlantFile plant, Clock clock) throws IOException {
        LineSimulation simulation = new LineSimulation(plant, clock);
        Map<String, VirtualController> controllers = new LinkedHashMap<>();
        try {
            for (PlantFile.Controller c : plant.controllers()) {
                List<PlantFile.Line> lines = plant.lines().stream().filter(l -> l.controller().equals(c.id())).toList();
                controllers.put(c.id(), "logix".equals(c.driver())
                        ? VirtualController.logix(c.port(), logixTags(plant, lines, simulation), c.product())
                        : VirtualController.slc(c.port(), slcFiles(plant, lines, simulation), 1));
            }
        } catch (IOException | RuntimeException e) {
            controllers.values().forEach(VirtualController::close);
            throw e;
        }
        return new VirtualPlant(simulation, controllers);
    }

    /** Starts the demo plant of src-resources ({@code ms5/plant/demo-plant.json}) from the classpath. */
    public static VirtualPlant startDemo(Clock clock) throws IOException {
        try (InputStream json = VirtualPlant.class.getResourceAsStream("/ms5/plant/demo-plant.json")) {
            if (json == null) {
                throw new IOException("The demo plant file ms5/plant/demo-plant.json is not on the classpath");
            }
            return start(PlantFile.load(json, "demo-plant.json"), clock);
        }
    }

    private static TagDatabase logixTags(PlantFile plant, List<PlantFile.Line> lines, LineSimulation simulation) {
        TagDatabase tags = new TagDatabase();
        Map<PlantFile.Machine, LogixTag> machineTags = new LinkedHashMap<>();
        Map<PlantFile.Line, LogixTag> productTags = new LinkedHashMap<>();
        for (PlantFile.Line line : lines) {
            productTags.put(line, tags.define("Line" + (plant.lines().indexOf(line) + 1) + "_Product", LogixType.STRING));
            for (PlantFile.Machine m : line.machines()) {
                machineTags.put(m, tags.define(m.tag(), MACHINE_UDT));
            }
        }
        tags.beforeAccess(() -> {
            synchronized (simulation) {
                simulation.advance();
                productTags.forEach((line, tag) -> tag.setString(0,
                        plant.product(simulation.productId(line.machines().getFirst().id())).name()));
                machineTags.forEach((spec, tag) -> {
                    SimulatedMachine m = simulation.machine(spec.id());
                    tag.setDint(member("State"), plant.stateWord(m.state()));
                    tag.setDint(member("FaultCode"), m.faultCode());
                    tag.setDint(member("TotalCount"), (int) m.totalCount());
                    tag.setDint(member("GoodCount"), (int) m.goodCount());
                    tag.setDint(member("RejectCount"), (int) m.rejectCount());
                    tag.setReal(member("Speed"), (float) m.speed(simulation.cycleFactor(spec.id())));
                    tag.setDint(member("ProductId"), simulation.productId(spec.id()));
                    tag.setDint(member("JobId"), simulation.jobId(spec.id()));
                    tag.setDint(member("Andon"), plant.andonWord(m.andon()));
                    tag.write(member("Running"), bool(m.state() == SimulatedMachine.STATE_RUNNING));
                    tag.write(member("Faulted"), bool(m.state() == SimulatedMachine.STATE_FAULTED));
                    tag.write(member("Starved"), bool(m.state() == SimulatedMachine.STATE_STARVED));
                    tag.write(member("Blocked"), bool(m.state() == SimulatedMachine.STATE_BLOCKED));
                });
            }
        });
        return tags;
    }

    private static byte[] bool(boolean set) {
        return new byte[] {(byte) (set ? 1 : 0)};
    }

    private static int member(String name) {
        return MACHINE_UDT.member(name).offset();
    }

    private static PcccDataTable slcFiles(PlantFile plant, List<PlantFile.Line> lines, LineSimulation simulation) {
        PcccDataTable files = new PcccDataTable();
        files.define(2, PcccDataTable.FileType.STATUS, 83);
        files.define(3, PcccDataTable.FileType.BIT, 16);
        files.define(4, PcccDataTable.FileType.TIMER, 8);
        files.define(5, PcccDataTable.FileType.COUNTER, 8);
        PcccDataTable.DataFile speeds = files.define(8, PcccDataTable.FileType.FLOAT, 16);
        Map<PlantFile.Machine, PcccDataTable.DataFile> machineFiles = new LinkedHashMap<>();
        List<PlantFile.Machine> all = new ArrayList<>();
        for (PlantFile.Line line : lines) {
            for (PlantFile.Machine m : line.machines()) {
                machineFiles.put(m, files.define(Integer.parseInt(m.tag().substring(1)), PcccDataTable.FileType.INTEGER, 11));
                all.add(m);
            }
        }
        files.beforeAccess(() -> {
            synchronized (simulation) {
                simulation.advance();
                machineFiles.forEach((spec, file) -> {
                    SimulatedMachine m = simulation.machine(spec.id());
                    double speed = m.speed(simulation.cycleFactor(spec.id()));
                    file.setWord(0, 0, plant.stateWord(m.state()));
                    file.setWord(1, 0, m.faultCode());
                    // Counters roll over from 32767 to 0, as SLC programs that reset a counter on
                    // overflow do (PLC4X's ab-eth driver cannot read negative words anyway).
                    file.setWord(2, 0, (int) (m.totalCount() % SLC_COUNTER_ROLLOVER));
                    file.setWord(3, 0, (int) (m.goodCount() % SLC_COUNTER_ROLLOVER));
                    file.setWord(4, 0, (int) (m.rejectCount() % SLC_COUNTER_ROLLOVER));
                    file.setWord(5, 0, (int) Math.round(speed));
                    file.setWord(6, 0, simulation.productId(spec.id()));
                    file.setWord(7, 0, simulation.jobId(spec.id()) % SLC_COUNTER_ROLLOVER);
                    file.setWord(8, 0, plant.andonWord(m.andon()));
                    file.setWord(9, 0, m.state() == SimulatedMachine.STATE_RUNNING ? 1 : 0);
                    file.setWord(10, 0, (m.state() == SimulatedMachine.STATE_FAULTED ? 1 : 0)
                            | (m.state() == SimulatedMachine.STATE_STARVED ? 2 : 0)
                            | (m.state() == SimulatedMachine.STATE_BLOCKED ? 4 : 0));
                    int index = all.indexOf(spec);
                    if (index < speeds.elements()) {
                        speeds.setFloat(index, (float) speed);
                    }
                });
            }
        });
        return files;
    }

    /** The virtual controller with this id from the plant file. */
    public VirtualController controller(String controllerId) {
        VirtualController c = controllers.get(controllerId);
        if (c == null) {
            throw new IllegalArgumentException("The plant has no controller " + controllerId);
        }
        return c;
    }

    /** The controllers in plant-file order. */
    public Map<String, VirtualController> controllers() {
        return java.util.Collections.unmodifiableMap(controllers);
    }

    /** The controller a machine is wired to. */
    public VirtualController controllerOf(String machineId) {
        return controller(simulation.lineOf(machineId).spec.controller());
    }

    /** The demo plant's tag map ({@code ms5/plant/demo-tagmap.json} in src-resources). */
    public static TagMap demoTagMap() {
        try (InputStream json = VirtualPlant.class.getResourceAsStream("/ms5/plant/demo-tagmap.json")) {
            if (json == null) {
                throw new IllegalStateException("demo-tagmap.json is missing from the class path (src-resources)");
            }
            return TagMapFile.load(json, "demo-tagmap.json");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The map with each connection named like one of this plant's controllers pointed at it. */
    public TagMap pointAt(TagMap map) {
        TagMap pointed = map;
        for (TagMap.Connection c : map.connections()) {
            VirtualController controller = controllers.get(c.id());
            if (controller != null) {
                pointed = pointed.withEndpoint(c.id(), "127.0.0.1", controller.port());
            }
        }
        return pointed;
    }

    /** The plant file: lines, machines, shifts, fault codes and products. */
    public PlantFile file() {
        return simulation.plant();
    }

    /** A machine's ideal cycle time for the product its line runs now. */
    public double idealCycleSeconds(String machineId) {
        return simulation.machine(machineId).spec().idealCycleSeconds() * simulation.cycleFactor(machineId);
    }

    @Override
    public void close() {
        controllers.values().forEach(VirtualController::close);
    }
}
