package com.ms5.floor.plc.virtual;

import java.util.List;

/** Small plant files built in code for tests. */
public final class TestPlants {
    private TestPlants() {
    }

    /** One Logix controller, one line, one machine with the given behaviour, running around the clock. */
    public static PlantFile oneMachine(long seed, double idealCycleSeconds, double speedFactor, double rejectRate,
                                       double mtbfMinutes, double mttrMinutes, double microStopsPerHour) {
        return new PlantFile("test plant", seed, "UTC", List.of(),
                List.of(new PlantFile.FaultCode(1, "test fault", mttrMinutes, 1)),
                List.of(new PlantFile.Product(1, "test product", 1.0)),
                List.of(new PlantFile.Controller("plc", "logix", 0, "1769-L33ER/B LOGIX5333ER")),
                List.of(new PlantFile.Line("L", "test line", "plc", 0, List.of(new PlantFile.Job(1, Integer.MAX_VALUE)),
                        List.of(new PlantFile.Machine("M", "machine", "M_Data", idealCycleSeconds, speedFactor, rejectRate,
                                mtbfMinutes, microStopsPerHour, 1, List.of(1))))));
    }
}
