package com.ms5.floor.app.ui;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** What went wrong, for a person: the message of the cause, not of the wrapper a future put around it. */
public final class ErrorText {
    private ErrorText() {
    }

    public static String of(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException || cause.getMessage() == null)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.toString() : cause.getMessage();
    }
}
