package org.bashgah.core.api;

/**
 * A branch of an organisation, known by a code unique within the organisation (e.g. {@code tehran-1}).
 *
 * @param timeZone the IANA zone id the branch keeps its hours in (e.g. {@code Asia/Dubai}): its own when it was
 *                 given one, else its organisation's; core always fills it in
 */
public record Branch(String code, String name, boolean active, String timeZone) {

    /** A branch without a zone of its own, as the API before 1.5 made them (the zone is null: the organisation's). */
    public Branch(String code, String name, boolean active) {
        this(code, name, active, null);
    }
}
