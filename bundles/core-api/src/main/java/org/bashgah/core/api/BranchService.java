package org.bashgah.core.api;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/** Reads an organisation's branches. */
@ProviderType
public interface BranchService {

    List<Branch> list(String organisationId);

    Optional<Branch> find(String organisationId, String code);
}
