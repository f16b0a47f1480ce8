package com.ms5.floor.app;

import eu.hansolo.tilesfx.Tile;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the real {@link Main} (opened on the Machine tab) and, once the count tile shows parts and the database is up, closes the window the way the
 * window manager's close button does. {@link AppExitTest} starts it as a child process.
 */
public final class CloseWindowProbe {
    static final String CLOSING = "PROBE: closing the window now";
    private static final Logger log = LoggerFactory.getLogger(CloseWindowProbe.class);

    public static void main(String[] args) {
        Thread.ofPlatform().daemon().name("close-window-probe").start(CloseWindowProbe::closeWhenLive);
        Main.main(args);
    }

    private static void closeWhenLive() {
        try {
            while (true) {
                Thread.sleep(100); // polling interval of the probe
                Window window = onFx(() -> Window.getWindows().stream().filter(Window::isShowing)
                        .filter(w -> w.getScene() != null && w.getScene().lookup("#totalCountTile") instanceof Tile t
                                && t.getValue() > 0
                                && w.getScene().lookup("#databaseLabel") instanceof Label db
                                && db.getText().startsWith("Database:"))
                        .findFirst().orElse(null));
                if (window != null) {
                    log.info(CLOSING);
                    Platform.runLater(() -> {
                        WindowEvent close = new WindowEvent(window, WindowEvent.WINDOW_CLOSE_REQUEST);
                        window.fireEvent(close);
                        if (!close.isConsumed()) {
                            window.hide();
                        }
                    });
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> query) throws InterruptedException {
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            Platform.runLater(() -> {
                try {
                    result.complete(query.call());
                } catch (Exception e) {
                    result.completeExceptionally(e);
                }
            });
            return result.get(5, TimeUnit.SECONDS);
        } catch (IllegalStateException toolkitNotStartedYet) {
            return null;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return null;
        }
    }
}
