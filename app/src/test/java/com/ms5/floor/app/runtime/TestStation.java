package com.ms5.floor.app.runtime;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.util.Modules;
import com.ms5.floor.analytics.downtime.DowntimeEvent;
import com.ms5.floor.app.base.AppConfig;
import com.ms5.floor.app.AppModule;
import com.ms5.floor.app.live.LiveValues;
import com.ms5.floor.app.model.StationStatus;
import com.ms5.floor.app.persistence.AndonCallRepository;
import com.ms5.floor.app.persistence.Database;
import com.ms5.floor.app.persistence.ProductionMinuteRepository;
import com.ms5.floor.plc.tagmap.TagMap;
import com.ms5.floor.plc.virtual.VirtualPlant;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;

/**
 * A station's services as the app composes them (its own injector, or the running app's), with the
 * questions tests ask of it. No FX toolkit needed: live values are read with {@code latest}.
 */
public final class TestStation implements AutoCloseable {
    private final Injector injector;

    private TestStation(Injector injector) {
        this.injector = injector;
    }

    /** A station of its own on {@code clock}, as a second workstation would be; not started yet. */
    public static TestStation of(AppConfig config, Clock clock) {
        return new TestStation(Guice.createInjector(Modules.override(new AppModule(config))
                .with(binder -> binder.bind(Clock.class).toInstance(clock))));
    }

    /** The station inside a running app. */
    public static TestStation in(Injector injector) {
        return new TestStation(injector);
    }

    public <T> T get(Class<T> service) {
        return injector.getInstance(service);
    }

    public void start() {
        get(StationLifecycle.class).start();
    }

    @Override
    public void close() {
        get(StationLifecycle.class).close();
    }

    public String stationId() {
        return get(StationHealth.class).stationId();
    }

    public StationStatus status() {
        return get(StationHealth.class).status();
    }

    public LiveValues live() {
        return get(LiveValues.class);
    }

    /** Analytics once the station is prepared, else {@code null}. */
    public AnalyticsRuntime analytics() {
        return get(StationPlant.class).analytics().orElse(null);
    }

    public VirtualPlant virtualPlant() {
        return get(StationPlant.class).virtualPlant().orElse(null);
    }

    public String name(String id) {
        return get(StationPlant.class).name(id);
    }

    /** The database once it has answered, else {@code null}. */
    public Database database() {
        return get(StationDatabase.class).open().map(Connected::database).orElse(null);
    }

    public ProductionMinuteRepository repository() {
        return get(StationDatabase.class).open().map(Connected::minutes).orElse(null);
    }

    public AndonCallRepository calls() {
        return get(StationDatabase.class).open().map(Connected::calls).orElse(null);
    }

    public TagMap tagMap() {
        return get(ConfigService.class).tagMap();
    }

    public int tagMapVersion() {
        return get(ConfigService.class).tagMapVersion();
    }

    public int rulesVersion() {
        return get(ConfigService.class).rulesVersion();
    }

    public AndonService andon() {
        return get(AndonService.class);
    }

    public DowntimeService downtime() {
        return get(DowntimeService.class);
    }

    public CompletableFuture<DowntimeEvent> assignReason(DowntimeEvent stop, String reasonId, String comment) {
        return downtime().assignReason(stop, reasonId, comment);
    }
}
