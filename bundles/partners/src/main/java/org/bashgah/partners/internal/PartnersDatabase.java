package org.bashgah.partners.internal;

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
 * The partners' own tables (prefix {@code partners_}, history {@code partners_schema_history}), migrated at start;
 * every partners component reaches them through this service, so none runs before they are current.
 */
@Component(service = PartnersDatabase.class)
public class PartnersDatabase {
    private final Transactions transactions;

    @Activate
    public PartnersDatabase(@Reference(target = Transactions.DATASOURCE) DataSource dataSource,
                            @Reference(target = "(osgi.unit.name=bashgah-partners)") EntityManagerFactory emf,
                            BundleContext context) {
        Transactions.migrate(dataSource, context, "db/partners", "partners_schema_history");
        this.transactions = new Transactions(emf);
    }

    /** See {@link Transactions#inTransaction}: run again from the start when it loses a race. */
    public <T> T inTransaction(Function<EntityManager, T> work) {
        return transactions.inTransaction(work);
    }

    public <T> T read(Function<EntityManager, T> work) {
        return transactions.read(work);
    }
}
