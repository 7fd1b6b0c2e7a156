package org.bashgah.surveys.internal.queue;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.bashgah.core.api.BashgahException.Rejected;
import org.bashgah.surveys.internal.campaign.Campaign;

/**
 * What an operator's outcome does to a call:
 * <ul>
 *   <li>{@code ANSWERED} (with the answers): the survey is complete, the call {@code DONE};</li>
 *   <li>{@code REFUSED} and {@code WRONG_NUMBER}: closed as such, never tried again;</li>
 *   <li>{@code NO_ANSWER} and {@code BUSY}: a try that reached nobody; tried again {@code retryNoAnswerMinutes} /
 *       {@code retryBusyMinutes} later, until {@code maxAttempts} tries are used up, then {@code GAVE_UP};</li>
 *   <li>{@code CALL_BACK} at a time the member asked for: back in line at that time (in the future, within
 *       {@value #MAX_CALL_BACK_DAYS} days, before the campaign gives up on the call); not a failed try, but at most
 *       {@value #MAX_CALL_BACKS} per call.</li>
 * </ul>
 * A call whose next try would fall after the campaign gives up on it ({@code giveUpAfterDays} after the purchase)
 * is given up at once.
 */
public final class RetryRules {
    public static final int MAX_CALL_BACKS = 3;
    public static final int MAX_CALL_BACK_DAYS = 14;

    /** What an operator can record. */
    public enum Outcome {
        ANSWERED, NO_ANSWER, BUSY, WRONG_NUMBER, CALL_BACK, REFUSED;

        public static Outcome of(String name) {
            return Arrays.stream(values()).filter(o -> o.name().equals(name)).findFirst().orElse(null);
        }

        public static List<String> names() {
            return Arrays.stream(values()).map(Enum::name).toList();
        }
    }

    /** The call's next status; {@code dueAt} when it goes back in line, else null. */
    public record Next(String status, Instant dueAt, int attempts, int callBacks) {
        public boolean closed() {
            return dueAt == null;
        }
    }

    private RetryRules() {
    }

    /**
     * @param attempts   tries that reached nobody before this one
     * @param callBacks  call-backs agreed before this one
     * @param now        when the outcome is recorded
     * @param callBackAt for {@code CALL_BACK}: when the member wants to be called
     * @param giveUpAt   when the campaign gives up on the call
     * @throws Rejected  ({@code callBackAt} or {@code outcome}) when a call-back breaks its rules
     */
    public static Next after(Outcome outcome, int attempts, int callBacks, Instant now, Instant callBackAt,
                             Instant giveUpAt, Campaign campaign) {
        return switch (outcome) {
            case ANSWERED -> new Next(CallEntity.DONE, null, attempts, callBacks);
            case REFUSED -> new Next(CallEntity.REFUSED, null, attempts, callBacks);
            case WRONG_NUMBER -> new Next(CallEntity.WRONG_NUMBER, null, attempts, callBacks);
            case NO_ANSWER, BUSY -> {
                int tries = attempts + 1;
                Instant again = now.plus(Duration.ofMinutes(outcome == Outcome.BUSY ? campaign.retryBusyMinutes()
                    : campaign.retryNoAnswerMinutes()));
                if (tries >= campaign.maxAttempts() || again.isAfter(giveUpAt)) {
                    yield new Next(CallEntity.GAVE_UP, null, tries, callBacks);
                }
                yield new Next(CallEntity.PENDING, again, tries, callBacks);
            }
            case CALL_BACK -> {
                if (callBacks >= MAX_CALL_BACKS) {
                    throw new Rejected("outcome", "a call takes at most " + MAX_CALL_BACKS
                        + " call-backs; record what the member says now (REFUSED if they will not answer)");
                }
                if (!callBackAt.isAfter(now)) throw new Rejected("callBackAt", "must be in the future");
                if (callBackAt.isAfter(now.plus(Duration.ofDays(MAX_CALL_BACK_DAYS)))) {
                    throw new Rejected("callBackAt", "must be within " + MAX_CALL_BACK_DAYS + " days");
                }
                if (callBackAt.isAfter(giveUpAt)) {
                    throw new Rejected("callBackAt", "must be before " + giveUpAt + ", when the campaign gives up on this call");
                }
                yield new Next(CallEntity.PENDING, callBackAt, attempts, callBacks + 1);
            }
        };
    }

    /** When the campaign gives up on a call about a purchase made at {@code purchasedAt}. */
    public static Instant giveUpAt(Instant purchasedAt, Campaign campaign) {
        return purchasedAt.plus(Duration.ofDays(campaign.giveUpAfterDays()));
    }
}
