package org.bashgah.surveys.internal.answer;

import java.time.Instant;

/**
 * A low score the branch manager should act on: the response and its worst answer ({@code question},
 * {@code kind}, {@code score}), and the apology offer whose grant it asked for, if the campaign has one.
 */
public record Alert(long id, long response, long call, long campaign, String member, String branch, String operator,
                    String question, String kind, int score, String apologyOffer, String status, Instant createdAt,
                    Instant resolvedAt, String resolvedBy, String note) {
}
