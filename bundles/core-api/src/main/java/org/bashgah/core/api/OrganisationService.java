package org.bashgah.core.api;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/** Reads the organisations hosted by the server. */
@ProviderType
public interface OrganisationService {

    List<Organisation> list();

    Optional<Organisation> find(String organisationId);

    /**
     * The organisation with this code, or the first one created when {@code code} is null (what shell
     * commands act on by default).
     *
     * @throws IllegalArgumentException when there is no such organisation
     */
    default Organisation byCodeOrFirst(String code) {
        return list().stream()
            .filter(o -> code == null || o.code().equals(code))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("no organisation " + (code == null ? "yet" : code)));
    }
}
