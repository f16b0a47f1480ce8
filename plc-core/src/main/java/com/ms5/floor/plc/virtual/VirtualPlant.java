package com.ms5.floor.plc.virtual;

import com.ms5.floor.plc.api.TagBinding;
import java.io.IOException;
import java.time.Clock;
import java.util.List;

/**
 * The built-in demo plant: one simulated filler on line 1 behind a virtual CompactLogix on
 * 127.0.0.1. Demo mode and the tests use it when no real PLC is configured.
 */
public final class VirtualPlant implements AutoCloseable {
    public static final String MACHINE_ID = "L1-FILLER";
    public static final double IDEAL_CYCLE_SECONDS = 0.5;

    /** Binding names the demo machine's tags are read under. */
    public static final String TOTAL_COUNT = "totalCount";
    public static final String GOOD_COUNT = "goodCount";
    public static final String STATE = "state";

    private final SimulatedMachine machine;
    private final VirtualLogixController controller;

    private VirtualPlant(SimulatedMachine machine, VirtualLogixController controller) {
        this.machine = machine;
        this.controller = controller;
    }

    /**
     * Starts the simulation and its controller.
     *
     * @param port  TCP port for the controller, 0 for any free one
     * @param clock the plant clock (a {@link com.ms5.floor.plc.api.ScaledClock} to run faster than real time)
     * @param seed  the simulation seed
     */
    public static VirtualPlant start(int port, Clock clock, long seed) throws IOException {
        SimulatedMachine filler = new SimulatedMachine(clock, seed, IDEAL_CYCLE_SECONDS, 0.92, 0.02, 900, 60);
        TagDatabase tags = new TagDatabase();
        LogixTag total = tags.define("Filler_TotalCount", LogixType.Atomic.DINT);
        LogixTag good = tags.define("Filler_GoodCount", LogixType.Atomic.DINT);
        LogixTag state = tags.define("Filler_State", LogixType.Atomic.DINT);
        LogixTag faultCode = tags.define("Filler_FaultCode", LogixType.Atomic.DINT);
        tags.define("Filler_IdealCycle", LogixType.Atomic.REAL).setReal((float) IDEAL_CYCLE_SECONDS);
        tags.beforeAccess(() -> {
            total.setDint(filler.totalCount());
            good.setDint(filler.goodCount());
            state.setDint(filler.state());
            faultCode.setDint(filler.faultCode());
        });
        return new VirtualPlant(filler, VirtualLogixController.start(port, tags, "1769-L33ER/B LOGIX5333ER"));
    }

    /** The tag map the poller reads for the demo machine. */
    public static List<TagBinding> fillerBindings() {
        return List.of(
                new TagBinding(TOTAL_COUNT, "Filler_TotalCount:DINT"),
                new TagBinding(GOOD_COUNT, "Filler_GoodCount:DINT"),
                new TagBinding(STATE, "Filler_State:DINT"));
    }

    public VirtualLogixController controller() {
        return controller;
    }

    public SimulatedMachine machine() {
        return machine;
    }

    @Override
    public void close() {
        controller.close();
    }
}
