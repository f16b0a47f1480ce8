package com.ms5.floor.app;

import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.TextArea;
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

    FatalErrorHandler(String logFile) {
        this.logFile = logFile;
    }

    static void install(String logFile) {
        FatalErrorHandler handler = new FatalErrorHandler(logFile);
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
                Alert alert = new Alert(Alert.AlertType.ERROR);
                alert.setTitle("MS5 Floor Dashboard: unexpected error");
                alert.setHeaderText("Something went wrong: " + error.getClass().getSimpleName()
                        + (error.getMessage() != null ? ": " + error.getMessage() : ""));
                alert.setContentText("The dashboard keeps running, but the part that failed may show old values. "
                        + "If this repeats, restart the app and send the log file to your controls engineer:\n" + logFile);
                TextArea details = new TextArea(stackTrace(error));
                details.setEditable(false);
                alert.getDialogPane().setExpandableContent(details);
                alert.showAndWait();
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

    private static String stackTrace(Throwable error) {
        var out = new java.io.StringWriter();
        error.printStackTrace(new java.io.PrintWriter(out));
        return out.toString();
    }
}
