package com.ms5.floor.analytics.andon;

/**
 * A kind of Andon call. Lower priority numbers come first on the board.
 *
 * @param id    a stable key (rules and the database refer to it)
 * @param label what the board shows
 */
public record CallType(String id, String label, int priority) {
    public static final CallType SAFETY = new CallType("safety", "Safety", 0);
    public static final CallType MAINTENANCE = new CallType("maintenance", "Maintenance", 1);
    public static final CallType QUALITY = new CallType("quality", "Quality", 2);
    public static final CallType MATERIAL = new CallType("material", "Material", 3);

    /** A plant's own kind of call, after the built-in ones by default. */
    public static CallType custom(String id, String label) {
        return new CallType(id, label, 10);
    }
}
