package com.ms5.floor.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.ms5.floor.app.base.AppConfig;
import com.ms5.floor.app.base.AppDirectories;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;

/**
 * A station whose tag map it cannot use does not sit at "Starting…": the window says what is wrong,
 * where, and what to do, and the tabs behind it are disabled (nothing is polled or stored).
 */
class StartupProblemTest extends TestApp {
    @Test
    void aTagMapWithAMistakeIsNamedInTheWindow() throws Exception {
        String demo;
        try (InputStream in = getClass().getResourceAsStream("/ms5/plant/demo-tagmap.json")) {
            demo = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Path tagMap = Files.writeString(home.resolve("plant-tagmap.json"),
                demo.replace("\"L1_Filler.TotalCount\"", "\"L1_Filler.Total Count\""));
        Files.writeString(home.resolve("ms5.properties"), "tagmap.file=plant-tagmap.json\n");
        AppDirectories dirs = new AppDirectories(home);
        start(AppConfig.load(dirs, dirs.configFile()));

        Await.until(Duration.ofSeconds(60), "the window names the problem", () -> Fx.get(() ->
                stage.getScene().lookup("#startupProblem").isVisible()));
        String text = Fx.get(() -> ((Label) stage.getScene().lookup("#startupProblemText")).getText());
        assertThat(text).startsWith(tagMap.toString()).contains("'L1_Filler.Total Count' at position 16: unexpected ' '");
        assertThat(Fx.get(() -> stage.getScene().lookup("#tabs").isDisabled())).isTrue();
    }

    @Test
    void aMachineIdThatIsNoMachineSaysWhichAre() throws Exception {
        Files.writeString(home.resolve("ms5.properties"), "machine.id=L9-NOPE\n");
        AppDirectories dirs = new AppDirectories(home);
        start(AppConfig.load(dirs, dirs.configFile()));
        Await.until(Duration.ofSeconds(60), "the window names the problem", () -> Fx.get(() ->
                stage.getScene().lookup("#startupProblem").isVisible()
                        && ((Label) stage.getScene().lookup("#startupProblemText")).getText().startsWith(
                        "machine.id=L9-NOPE in the settings is not a machine of the tag map; use one of L1-DEPAL, L1-RINSER")));
    }
}
