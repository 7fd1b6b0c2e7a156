package org.bashgah.core.api;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The purchase pipeline's extension point (whiteboard): register an implementation as an OSGi service
 * and every purchase posted from then on asks it what the purchase earns or costs. Unregister it (stop
 * or remove the bundle) and the next purchase no longer asks.
 *
 * <p>Called inside the purchase's database transaction, once per purchase (an idempotent replay does
 * not call it again), in the order of the services' {@code service.ranking} (highest first). It must be
 * quick, must not post to the ledger itself and should not throw: a contributor that throws is skipped
 * for that purchase and a warning is logged, so a faulty rule never stops a till.
 */
@ConsumerType
public interface PurchaseContributor {

    /** A short stable name, used in logs and in the ledger's notes. */
    String name();

    /** The entries and discounts this contributor proposes; an empty list for none. */
    List<Proposal> contribute(PurchaseContext purchase);
}
