package com.ms5.floor.app.base;

import java.lang.management.ManagementFactory;

/** How long after the JVM started a start-up phase was reached, for the log lines that measure a cold start. */
public final class StartupTimes {
    private StartupTimes() {
    }

    /** Milliseconds since this JVM started. */
    public static long sinceJvmStart() {
        return System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    }
}
