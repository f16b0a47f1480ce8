package com.ms5.floor.app.model;

import com.ms5.floor.analytics.oee.OeeFigures;
import com.ms5.floor.analytics.state.MachineState;
import java.time.Instant;

/**
 * One machine as the Machine tab shows it, worked out by analytics like every other figure
 * (ISO 22400-2 over the shift so far).
 *
 * @param since         when the machine entered its state
 * @param ratePerMinute parts per minute over the last minute, {@code NaN} before there is one
 * @param oee           over the shift so far (its counts are the shift's parts)
 */
public record MachineFigures(String id, String name, MachineState state, long faultCode, Instant since,
                             double ratePerMinute, OeeFigures oee) {
}
