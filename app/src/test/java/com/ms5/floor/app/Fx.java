package com.ms5.floor.app;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import org.testfx.util.WaitForAsyncUtils;

/** Runs a piece of a test on the FX thread and returns its result. */
public final class Fx {
    private Fx() {
    }

    public static <T> T call(Callable<T> work) throws Exception {
        try {
            return WaitForAsyncUtils.asyncFx(work).get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /** For conditions in {@link Await}: failures become assertion errors. */
    public static <T> T get(Callable<T> work) {
        try {
            return call(work);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    public static void run(Runnable work) {
        get(() -> {
            work.run();
            return null;
        });
    }
}
