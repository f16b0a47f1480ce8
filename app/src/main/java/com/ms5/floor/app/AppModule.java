package com.ms5.floor.app;

import com.ms5.floor.app.base.AppConfig;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.ms5.floor.app.live.CoalescingLiveValues;
import com.ms5.floor.app.live.LiveValues;
import com.ms5.floor.app.runtime.PollerFactory;
import com.ms5.floor.plc.poll.Poller;
import com.ms5.floor.plc.api.ScaledClock;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The composition root's bindings. Services are singletons; view controllers and their view models are unscoped. */
public final class AppModule extends AbstractModule {
    private final AppConfig config;

    public AppModule(AppConfig config) {
        this.config = config;
    }

    @Override
    protected void configure() {
        bind(AppConfig.class).toInstance(config);
        bind(LiveValues.class).to(CoalescingLiveValues.class);
        bind(PollerFactory.class).toInstance(Poller::new);
    }

    /** The plant clock shared by the virtual plant, the poller and analytics. */
    @Provides
    @Singleton
    Clock plantClock() {
        Clock utc = Clock.systemUTC();
        if (!config.demoPlant() || (config.timeScale() == 1 && config.demoStartTime() == null)) {
            return utc;
        }
        // The demo plant's calendar is in UTC (demo-plant.json): start today at the chosen time.
        java.time.Instant start = config.demoStartTime() == null ? utc.instant()
                : java.time.LocalDate.now(utc).atTime(config.demoStartTime()).toInstant(java.time.ZoneOffset.UTC);
        return new ScaledClock(utc, config.timeScale(), start);
    }
}
