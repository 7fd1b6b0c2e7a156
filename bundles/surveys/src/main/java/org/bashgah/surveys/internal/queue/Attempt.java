package org.bashgah.surveys.internal.queue;

import java.time.Instant;

/** One claim of a call and what came of it ({@code outcome} null while the operator still has it). */
public record Attempt(long claim, String operator, Instant claimedAt, String outcome, Instant outcomeAt,
                      Instant callBackAt, String note) {
}
