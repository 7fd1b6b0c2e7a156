package org.bashgah.core.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Lets scheduled work run once across all nodes that share the database: before a daily job runs, each
 * node asks to claim it for the period, and exactly one of them gets it.
 */
@ProviderType
public interface JobClaims {

    /**
     * Claims {@code job} for {@code period} (e.g. {@code credit.expiry} for {@code 2026-11-23}).
     *
     * @return true for exactly one caller per job and period, on any node; false for every other
     */
    boolean claim(String job, String period);
}
