package com.ms5.floor.app.ui;

import jakarta.inject.Singleton;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.application.Platform;

/**
 * The one way background work reaches the FX thread: {@code future.whenCompleteAsync(..., ui)}.
 * Each result is one hop, never one per tag (shared/DESIGN.md, threading rule 1). View models take
 * it as an {@link Executor}, so their tests run them on the test's own thread.
 */
@Singleton
public final class UiExecutor implements Executor {
    /** The same result, completing on the FX thread whether it succeeded or failed. */
    public <T> CompletableFuture<T> deliver(CompletableFuture<T> work) {
        return work.whenCompleteAsync((result, error) -> { }, this);
    }

    @Override
    public void execute(Runnable work) {
        Platform.runLater(work); // later even on the FX thread: a result never runs inside the call that asked for it
    }
}
