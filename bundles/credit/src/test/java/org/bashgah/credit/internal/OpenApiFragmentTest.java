package org.bashgah.credit.internal;

import java.util.List;
import java.util.Map;
import org.bashgah.core.testing.OpenApiFragmentContract;
import org.bashgah.credit.api.CreditPolicy;
import org.bashgah.credit.internal.engagement.EngagementResource;
import org.bashgah.credit.internal.expiry.ExpiryResource;
import org.bashgah.credit.internal.policy.PolicyResource;

/** Credit's hand-written OpenAPI fragments are true to its resources and fit core's document. */
class OpenApiFragmentTest extends OpenApiFragmentContract {
    OpenApiFragmentTest() {
        super(List.of("openapi/credit-policy.json", "openapi/credit-rewards.json", "openapi/credit-tiers.json"),
            PolicyResource.class, "Credit");
    }

    /** The schemas of policy, engagement and expiry; rewards and tiers are checked by their integration tests. */
    @Override
    protected Map<String, Class<?>> recordsOfSchemas() {
        return Map.of("CreditPolicy", CreditPolicy.class,
            "CreditPolicyChange", PolicyResource.PolicyChange.class,
            "CreditEngagement", EngagementResource.Engagement.class,
            "CreditEngagementPaid", EngagementResource.Paid.class,
            "CreditExpiryRunRequest", ExpiryResource.RunRequest.class,
            "CreditExpiryRunResult", ExpiryResource.RunResult.class);
    }
}
