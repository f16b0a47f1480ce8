package com.ms5.floor.app.model;

import java.time.Instant;

/** One stored version of a configuration document (config_version): its author, time and summary of changes. */
public record ConfigVersion(String kind, int version, String document, String author, Instant createdAt, String summary) {
}
