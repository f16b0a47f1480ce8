package com.ms5.floor.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.ms5.floor.app.Fx;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/** Settings MS5 cannot use open a window that says what and what to do, not nothing at all. */
class StartupProblemDialogTest {
    @Test
    void theWindowSaysWhatIsWrongAndWhatToDo() throws Exception {
        FxToolkit.registerPrimaryStage();
        Alert alert = Fx.get(() -> StartupProblemDialog.build("The settings in /home/ann/ms5.properties are not usable",
                "'db.Url' is not a setting; did you mean db.url?", "Correct them and start MS5 again."));
        assertThat(alert.getTitle()).isEqualTo("MS5 Floor Dashboard cannot start");
        assertThat(alert.getHeaderText()).isEqualTo("The settings in /home/ann/ms5.properties are not usable");
        assertThat(Fx.get(() -> ((Label) alert.getDialogPane().getContent()).getText()))
                .isEqualTo("'db.Url' is not a setting; did you mean db.url?\n\nCorrect them and start MS5 again.");
    }
}
