package org.bashgah.surveys.internal;

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
 * The surveys' own tables (prefix {@code surveys_}, history {@code surveys_schema_history}), migrated at start;
 * every surveys component reaches them through this service, so none runs before they are current.
 */
@Component(service = SurveysDatabase.class)
public class SurveysDatabase {
    private final Transactions transactions;

    @Activate
    public SurveysDatabase(@Reference(target = Transactions.DATASOURCE) DataSource dataSource,
                           @Reference(target = "(osgi.unit.name=bashgah-surveys)") EntityManagerFactory emf,
                           BundleContext context) {
        Transactions.migrate(dataSource, context, "db/surveys", "surveys_schema_history");
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
