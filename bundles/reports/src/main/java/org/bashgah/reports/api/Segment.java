package org.bashgah.reports.api;

import java.time.Instant;
import java.util.Map;

/**
 * A saved segment: the members a report yielded when it was saved, with the report's definition, so everyone can
 * see what the list means and when it was taken. The list never changes after it is saved; a fresh list is a new
 * segment.
 *
 * @param report     the report it was taken from, e.g. {@code rfm} or {@code churn}
 * @param parameters the report's parameters as given (e.g. {@code segment=champions}, {@code branch=tehran-1})
 * @param branch     the branch whose members it holds, or null for the whole organisation
 * @param asOf       when the members were selected
 * @param members    how many members it holds
 */
public record Segment(String id, String name, String report, Map<String, String> parameters, String branch,
                      Instant asOf, String createdBy, long members) {
}
