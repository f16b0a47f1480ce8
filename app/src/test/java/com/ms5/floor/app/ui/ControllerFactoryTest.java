package com.ms5.floor.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.ms5.floor.app.AppModule;
import com.ms5.floor.app.base.AppConfig;
import com.ms5.floor.app.base.AppDirectories;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ResourceBundle;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import com.ms5.floor.app.Fx;

/** Every FXML loads through the real loader; a controller nobody registered is refused. */
class ControllerFactoryTest {
    @TempDir
    static Path home;
    private static Injector injector;

    @BeforeAll
    static void setUp() throws Exception {
        FxToolkit.registerPrimaryStage();
        AppConfig config = AppConfig.load(new AppDirectories(home), home.resolve("none.properties"));
        injector = Guice.createInjector(new AppModule(config));
    }

    @Test
    void everyKnownViewLoadsWithItsController() {
        for (Class<?> controller : ControllerFactory.KNOWN_CONTROLLERS) {
            Parent root = Fx.get(() -> injector.getInstance(FxmlViews.class).load(controller));
            assertThat(root).as(controller.getSimpleName()).isNotNull();
        }
    }

    @Test
    void anFxmlThatNamesAnUnknownControllerIsRefused() {
        String fxml = """
                <?import javafx.scene.layout.Pane?>
                <Pane xmlns:fx="http://javafx.com/fxml/1" fx:controller="java.lang.Object"/>
                """;
        FXMLLoader loader = new FXMLLoader();
        loader.setResources(ResourceBundle.getBundle("ms5/i18n/messages"));
        loader.setControllerFactory(injector.getInstance(ControllerFactory.class));
        assertThatThrownBy(() -> Fx.call(() -> loader.load(new java.io.ByteArrayInputStream(fxml.getBytes()))))
                .hasStackTraceContaining("java.lang.Object, which is not a known view controller");
    }
}
