package org.bashgah.core.api;

/**
 * A business hosted by the server: a chain, or one shop of a mall. Every branch, member, purchase,
 * user and API key belongs to exactly one organisation; nothing crosses between them.
 *
 * @param currency  the unit amounts are counted in (e.g. {@code IRR}); amounts are integers of it
 * @param timeZone  an IANA zone id (e.g. {@code Asia/Tehran}); days, birthdays and reports use it
 * @param calendar  {@code persian} or {@code gregorian}: how the console and reports show dates
 */
public record Organisation(String id, String code, String name, String currency, String timeZone, String calendar) {
}
