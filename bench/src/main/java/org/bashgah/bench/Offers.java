package org.bashgah.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Puts {@code --count} permanent offers live (bashgah-offers), so a load run measures what offers add to a
 * purchase: a mix of chain-wide and one-branch offers with audience conditions on the member's aggregates
 * and triggers on the amount and the product groups, as a chain's offer list looks. Each is activated with
 * a one-day simulation and {@code acceptLoss} (the bench measures cost, not margins).
 */
final class Offers {
    static final String USAGE = """
            offers --url ... --password ... [--count 20] [--branches 20]   (bashgah-offers installed)""";

    private Offers() {
    }

    static void run(Args a) throws Exception {
        int count = a.integer("count", 20);
        int branches = a.integer("branches", 20);
        Api admin = new Api(a.str("url", "http://127.0.0.1:8181"), 1).login(a.str("user", "admin"), a.required("password"));
        for (int i = 0; i < count; i++) {
            ObjectNode offer = definition(i, branches);
            Api.Reply created = admin.post("/offers", offer.toString());
            if (created.status() != 201) throw new IllegalStateException("creating offer " + i + ": " + created.status() + " " + created.body());
            String id = created.json().path("id").asText();
            Api.Reply active = admin.post("/offers/" + id + "/activate", "{\"days\": 1, \"acceptLoss\": true}");
            if (active.status() != 200) throw new IllegalStateException("activating offer " + id + ": " + active.status() + " " + active.body());
            System.out.printf("offers: %s live (%s)%n", offer.path("name").asText(), id);
        }
        System.out.printf("offers: %d offers live%n", count);
    }

    private static ObjectNode definition(int i, int branches) {
        ObjectNode o = Api.JSON.createObjectNode();
        o.put("name", "bench offer " + (i + 1));
        o.put("kind", "PERMANENT");
        if (i % 3 == 1) o.putArray("branches").add(Chain.branchCode(i % branches));
        ObjectNode audience = o.putObject("audience");
        switch (i % 4) {
            case 0 -> audience.put("metric", "visits").put("op", "gt").put("value", 3 + i);
            case 1 -> audience.put("metric", "totalSpend").put("op", "gt").put("value", 5_000_000L * (1 + i % 5));
            case 2 -> {
                ArrayNode all = audience.putArray("all");
                all.addObject().putArray("bought").add(Chain.PRODUCT_GROUPS[i % Chain.PRODUCT_GROUPS.length]);
                all.addObject().put("metric", "daysSinceLastVisit").put("op", "lt").put("value", 60);
            }
            default -> audience.putArray("any").addObject().put("metric", "averageSpend").put("op", "gt").put("value", 2_000_000);
        }
        ObjectNode trigger = o.putObject("trigger");
        if (i % 2 == 0) trigger.put("amountOver", 1_000_000L + 250_000L * i);
        else trigger.putArray("productGroups").add(Chain.PRODUCT_GROUPS[(i * 5) % Chain.PRODUCT_GROUPS.length]);
        o.putObject("reward").put("extraCreditPercent", 1 + i % 5);
        return o;
    }
}
