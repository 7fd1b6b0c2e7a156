/**
 * Persistence support for Bashgah capability bundles (not for vendors, who use {@code org.bashgah.core.api}):
 * each capability owns a JPA persistence unit and Flyway migrations on the server's one DataSource, and runs
 * every use case in one transaction through {@link org.bashgah.core.persistence.Transactions}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.bashgah.core.persistence;
