package com.ms5.floor.app.persistence;

import java.sql.SQLException;

/**
 * The database refused a read or write, or is away: what callers outside persistence see instead
 * of JDBC's {@link SQLException}, with the database's own words as the message.
 */
public final class StorageException extends RuntimeException {
    StorageException(SQLException cause) {
        super(cause.getMessage(), cause);
    }
}
