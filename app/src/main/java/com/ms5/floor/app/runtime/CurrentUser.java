package com.ms5.floor.app.runtime;

import jakarta.inject.Singleton;

/**
 * Who is using this station: the name every action is signed with (Andon calls, reasons,
 * configuration versions). Until people sign in, it is the operating-system account.
 */
@Singleton
public final class CurrentUser {
    private final String name = System.getProperty("user.name");

    public String name() {
        return name;
    }
}
