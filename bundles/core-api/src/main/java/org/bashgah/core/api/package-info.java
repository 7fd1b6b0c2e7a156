/**
 * Bashgah's public core model and extension points.
 *
 * <p>Capabilities and vendor bundles compile against this package only. Types marked
 * {@code @ProviderType} are implemented by Bashgah core; types marked {@code @ConsumerType}
 * ({@link org.bashgah.core.api.PurchaseContributor},
 * {@link org.bashgah.core.api.ConsolePages}) are implemented by other bundles and
 * registered as OSGi services (whiteboard).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.5.0")
package org.bashgah.core.api;
