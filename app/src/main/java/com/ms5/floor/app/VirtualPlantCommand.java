package com.ms5.floor.app;

import com.ms5.floor.plc.api.ScaledClock;
import com.ms5.floor.plc.virtual.PlantFile;
import com.ms5.floor.plc.virtual.VirtualController;
import com.ms5.floor.plc.virtual.VirtualPlant;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --virtual-plant}: runs the virtual plant alone, without the dashboard, so any EtherNet/IP
 * or CSP client can be pointed at it. Runs until the process is stopped (Ctrl+C).
 */
final class VirtualPlantCommand {
    private static final Logger log = LoggerFactory.getLogger(VirtualPlantCommand.class);

    private VirtualPlantCommand() {
    }

    /**
     * @param plantFile a plant file, or {@code null} for the demo plant
     * @param timeScale plant time runs this many times faster than real time
     */
    static void run(Path plantFile, double timeScale) throws IOException, InterruptedException {
        Clock clock = timeScale == 1 ? Clock.systemUTC() : new ScaledClock(Clock.systemUTC(), timeScale);
        PlantFile plant;
        if (plantFile == null) {
            try (InputStream json = VirtualPlant.class.getResourceAsStream("/ms5/plant/demo-plant.json")) {
                plant = PlantFile.load(json, "demo-plant.json");
            }
        } else {
            try (InputStream json = Files.newInputStream(plantFile)) {
                plant = PlantFile.load(json, plantFile.toString());
            }
        }
        VirtualPlant running = VirtualPlant.start(plant, clock);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            running.close();
            stopped.countDown();
        }, "virtual-plant-shutdown"));
        StringBuilder table = new StringBuilder("Virtual plant '" + plant.name() + "' is running"
                + (timeScale == 1 ? "" : " at " + timeScale + "x") + ". Point a client at:");
        for (Map.Entry<String, VirtualController> c : running.controllers().entrySet()) {
            table.append(String.format("%n  %-12s %s", c.getKey(), c.getValue().connectionUrl()));
        }
        table.append(System.lineSeparator()).append("Stop with Ctrl+C.");
        log.info("{}", table);
        stopped.await();
    }
}
