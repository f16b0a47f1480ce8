package com.ms5.floor.app.ui;

import com.ms5.floor.app.base.Messages;
import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The window a person sees when MS5 cannot even start its main window (settings it cannot use):
 * what is wrong, in the words the log uses, and what to do. Without it a desktop user would see the
 * app simply not open.
 */
public final class StartupProblemDialog {
    private static final Logger log = LoggerFactory.getLogger(StartupProblemDialog.class);

    private StartupProblemDialog() {
    }

    /** The dialog, for the FX thread. */
    public static Alert build(String what, String problem, String whatToDo) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.setTitle(Messages.get("startup.cannotStart"));
        alert.setHeaderText(what);
        Label text = new Label(problem + "\n\n" + whatToDo);
        text.setWrapText(true);
        text.setMaxWidth(640);
        text.setId("startupProblemText");
        alert.getDialogPane().setContent(text);
        return alert;
    }

    /**
     * Starts JavaFX, shows the dialog and returns once it is closed; returns at once where JavaFX
     * cannot start (no display), the log having said it already.
     */
    public static void showAndWait(String what, String problem, String whatToDo) {
        CountDownLatch closed = new CountDownLatch(1);
        try {
            Platform.startup(() -> {
                build(what, problem, whatToDo).showAndWait();
                closed.countDown();
            });
            closed.await();
        } catch (RuntimeException | InterruptedException e) {
            log.debug("No window for the start-up problem ({}); the log says it", e.toString());
        } finally {
            Platform.exit();
        }
    }
}
