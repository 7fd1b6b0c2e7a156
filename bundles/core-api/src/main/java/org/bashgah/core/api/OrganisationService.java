package org.bashgah.core.api;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/** Reads the organisations hosted by the server. */
@ProviderType
public interface OrganisationService {

    List<Organisation> list();

    Optional<Organisation> find(String organisationId);
}
