package com.ms5.floor.app.ui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.ms5.floor.analytics.oee.OeeFigures;
import com.ms5.floor.analytics.oee.OeeProfile;
import com.ms5.floor.analytics.state.MachineState;
import com.ms5.floor.app.model.MachineFigures;
import com.ms5.floor.app.base.AppConfig;
import com.ms5.floor.app.base.AppDirectories;
import com.ms5.floor.app.model.StationStatus;
import com.ms5.floor.plc.api.ConnectionHealth;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The view model without a screen: what a snapshot turns into. */
class DashboardViewModelTest {
    @TempDir
    Path home;

    @Test
    void showsShareFiguresAsPercentagesAndKeepsUndefinedOnesUndefined() throws Exception {
        DashboardViewModel model = model();
        // 1000 s loading, 500 s running, 450 s of ideal time of which 405 s good: A 50 %, P 90 %, Q 90 %
        OeeFigures shift = new OeeFigures(OeeProfile.ISO_22400, 1000, 1000, 500, 0, 500, 0, 0, 0, 0, 0, 1234, 1200,
                450, 405, 0, List.of());
        model.show(new MachineFigures("L1-FILLER", "Filler", MachineState.UNPLANNED_DOWN, 101, Instant.now(),
                Double.NaN, shift));
        assertThat(model.totalCountProperty().get()).isEqualTo(1234);
        assertThat(model.availabilityPercentProperty().get()).isEqualTo(50.0);
        assertThat(model.performancePercentProperty().get()).isEqualTo(90.0);
        assertThat(model.oeePercentProperty().get()).isCloseTo(40.5, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(model.ratePerMinuteProperty().get()).as("no rate before two counter reads").isNaN();
        assertThat(model.stateProperty().get()).isEqualTo(MachineState.UNPLANNED_DOWN);
    }

    @Test
    void saysWhyThePlcIsNotAnswering() throws Exception {
        DashboardViewModel model = model();
        model.show(health(ConnectionHealth.State.RECONNECTING, null,
                "Cannot connect to logix://10.0.0.5?slot=0: Connection refused."));
        assertThat(model.plcStateProperty().get()).isEqualTo(ConnectionHealth.State.RECONNECTING);
        assertThat(model.plcProblemProperty().get()).contains("Connection refused");

        model.show(health(ConnectionHealth.State.CONNECTED, Instant.now(), null));
        assertThat(model.plcProblemProperty().get()).isEmpty();
    }

    @Test
    void flagsAnUnusableDatabase() throws Exception {
        DashboardViewModel model = model();
        model.show(new StationStatus("PLC logix://10.0.0.5", "Database unavailable, retrying in 5 s", false));
        assertThat(model.databaseOkProperty().get()).isFalse();
        assertThat(model.databaseProperty().get()).startsWith("Database unavailable");
    }

    private DashboardViewModel model() throws Exception {
        return new DashboardViewModel(null, null, AppConfig.load(new AppDirectories(home), home.resolve("none")));
    }

    private static ConnectionHealth health(ConnectionHealth.State state, Instant lastGood, String error) {
        return new ConnectionHealth(state, lastGood, error, 3, 2.0, 5.0, 30, 0, 0, 0, 3, java.util.Map.of());
    }
}
