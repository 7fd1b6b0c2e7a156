package org.bashgah.offers.internal;

import java.util.function.Function;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.sql.DataSource;
import org.bashgah.core.persistence.Transactions;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The offers' own tables (prefix {@code offers_}, history {@code offers_schema_history}), migrated at start;
 * every offers component reaches them through this service, so none runs before they are current.
 */
@Component(service = OffersDatabase.class)
public class OffersDatabase {
    private final Transactions transactions;

    @Activate
    public OffersDatabase(@Reference(target = Transactions.DATASOURCE) DataSource dataSource,
                          @Reference(target = "(osgi.unit.name=bashgah-offers)") EntityManagerFactory emf,
                          BundleContext context) {
        Transactions.migrate(dataSource, context, "db/offers", "offers_schema_history");
        this.transactions = new Transactions(emf);
    }

    public <T> T inTransaction(Function<EntityManager, T> work) {
        return transactions.inTransaction(work);
    }

    public <T> T read(Function<EntityManager, T> work) {
        return transactions.read(work);
    }
}
