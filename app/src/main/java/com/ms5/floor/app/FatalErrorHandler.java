package com.ms5.floor.app;

import com.ms5.floor.app.base.Messages;
import java.util.concurrent.atomic.AtomicBoolean;
import com.ms5.floor.app.ui.DialogService;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Catches exceptions that nothing else handled, on any thread: logs them and tells the person at
 * the screen, instead of the app dying or freezing silently. One dialog at a time.
 */
final class FatalErrorHandler implements Thread.UncaughtExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(FatalErrorHandler.class);
    private final AtomicBoolean dialogOpen = new AtomicBoolean();
    private final String logFile;
    private final DialogService dialogs;

    FatalErrorHandler(String logFile, DialogService dialogs) {
        this.logFile = logFile;
        this.dialogs = dialogs;
    }

    static void install(String logFile, DialogService dialogs) {
        FatalErrorHandler handler = new FatalErrorHandler(logFile, dialogs);
        Thread.setDefaultUncaughtExceptionHandler(handler);
        if (Platform.isFxApplicationThread()) {
            Thread.currentThread().setUncaughtExceptionHandler(handler);
        }
    }

    @Override
    public void uncaughtException(Thread thread, Throwable error) {
        log.error("Unexpected error on thread {}", thread.getName(), error);
        if (!dialogOpen.compareAndSet(false, true)) {
            return;
        }
        Runnable show = () -> {
            try {
                dialogs.error(Messages.format("error.what", error.getClass().getSimpleName()
                        + (error.getMessage() != null ? ": " + error.getMessage() : "")),
                        Messages.format("error.whatToDo", logFile), error);
            } finally {
                dialogOpen.set(false);
            }
        };
        try {
            if (Platform.isFxApplicationThread()) {
                show.run();
            } else {
                Platform.runLater(show);
            }
        } catch (IllegalStateException toolkitGone) {
            dialogOpen.set(false); // the FX toolkit is not running: the log has it
        }
    }
}
