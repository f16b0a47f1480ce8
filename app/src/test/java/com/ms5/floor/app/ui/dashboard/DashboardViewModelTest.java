package com.ms5.floor.app.ui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.ms5.floor.analytics.MachineSnapshot;
import com.ms5.floor.app.AppConfig;
import com.ms5.floor.app.AppDirectories;
import com.ms5.floor.app.runtime.StationStatus;
import com.ms5.floor.plc.api.ConnectionHealth;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The view model without a screen: what a snapshot turns into. */
class DashboardViewModelTest {
    @TempDir
    Path home;

    @Test
    void showsShareFiguresAsPercentagesAndKeepsUndefinedOnesUndefined() throws Exception {
        DashboardViewModel model = model();
        model.show(new MachineSnapshot("L1-FILLER", Instant.now(), 1234, 1200, MachineSnapshot.RunState.FAULTED,
                110.4, 0.5, 0.9, Double.NaN, Double.NaN));
        assertThat(model.totalCountProperty().get()).isEqualTo(1234);
        assertThat(model.availabilityPercentProperty().get()).isEqualTo(50.0);
        assertThat(model.performancePercentProperty().get()).isEqualTo(90.0);
        assertThat(model.qualityPercentProperty().get()).isNaN();
        assertThat(model.stateProperty().get()).isEqualTo(MachineSnapshot.RunState.FAULTED);
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
        return new DashboardViewModel(null, AppConfig.load(new AppDirectories(home), home.resolve("none")));
    }

    private static ConnectionHealth health(ConnectionHealth.State state, Instant lastGood, String error) {
        return new ConnectionHealth(state, lastGood, error, 3, 2.0, 5.0, 30, 0, 0, 0, 3, java.util.Map.of());
    }
}
