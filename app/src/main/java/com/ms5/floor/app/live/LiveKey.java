package com.ms5.floor.app.live;

/**
 * The name of a live value and, by its type parameter, what the value is: publishing and
 * subscribing under one key agree on the type at compile time. Keys are values: two keys with the
 * same name are the same key.
 *
 * @param <T> the type of the values published under this key
 */
public record LiveKey<T>(String name) {
}
