package com.ms5.floor.app.runtime;

import com.ms5.floor.app.base.Messages;
import com.ms5.floor.plc.poll.ConnectionCheck;
import com.ms5.floor.plc.poll.PollTag;
import com.ms5.floor.plc.tagmap.TagMap;
import com.ms5.floor.plc.tagmap.TagMapValidator;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * What the engineering dialogs do that is slow: Test connection, Test read, and reading and
 * writing import and export files, each on {@code setup-work}, bounded by a deadline where a PLC
 * is asked. In demo mode a connection is tested at the virtual controller's real port.
 */
@Singleton
public final class SetupTools {
    private static final Duration TEST_DEADLINE = Duration.ofSeconds(5);

    private final Clock clock;
    private final StationThreads threads;
    private final StationPlant plant;

    @Inject
    SetupTools(Clock clock, StationThreads threads, StationPlant plant) {
        this.clock = clock;
        this.threads = threads;
        this.plant = plant;
    }

    /** "Test connection" for a connection as edited. */
    public CompletableFuture<ConnectionCheck.Outcome> testConnection(TagMap.Connection connection) {
        return CompletableFuture.supplyAsync(() -> ConnectionCheck.testConnection(plant.pointed(
                new TagMap("test", List.of(connection), List.of())).connections().getFirst(), TEST_DEADLINE), threads.setup());
    }

    /** "Test read" of one machine's bindings as edited in {@code edited}; bindings that are not valid are left out. */
    public CompletableFuture<List<ConnectionCheck.Reading>> testRead(TagMap edited, String machineId) {
        return CompletableFuture.supplyAsync(() -> {
            TagMap pointedMap = plant.pointed(edited);
            TagMap.Machine machine = pointedMap.machine(machineId).orElseThrow();
            TagMap.Connection connection = pointedMap.connection(machine.connection()).orElseThrow(() ->
                    new IllegalArgumentException(Messages.format("setup.noValidConnection", machineId)));
            TagMap one = new TagMap(pointedMap.plant(), List.of(connection), List.of(new TagMap.Line("test", "test",
                    List.of(new TagMap.Machine(machine.id(), machine.name(), connection.id(), machine.bindings().stream()
                            .filter(b -> valid(b, connection)).toList())))));
            try {
                return ConnectionCheck.testRead(connection, PollTag.of(one, connection.id()), TEST_DEADLINE, clock);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CompletionException(e);
            }
        }, threads.setup());
    }

    private static boolean valid(TagMap.Binding b, TagMap.Connection connection) {
        List<TagMapValidator.Problem> problems = new ArrayList<>();
        TagMapValidator.binding(problems, "", b, connection);
        return problems.isEmpty();
    }

    /** File work (import, export) off the FX thread. */
    public <T> CompletableFuture<T> inBackground(Callable<T> work) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return work.call();
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }, threads.setup());
    }
}
