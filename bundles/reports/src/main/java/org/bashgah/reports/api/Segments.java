package org.bashgah.reports.api;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Reads the saved segments of an organisation (provided by bashgah-reports): offers aim at them, messaging sends
 * to them. Segments are made and removed through the reports' REST API ({@code /api/v1/reports/segments}).
 */
@ProviderType
public interface Segments {

    /** The organisation's segments, newest first. */
    List<Segment> list(String organisationId);

    Optional<Segment> find(String organisationId, String segmentId);

    /**
     * Calls {@code visitor} with the id of every member of the segment, page by page so any size fits in memory.
     * Nothing is called for an unknown segment.
     */
    void forEachMember(String organisationId, String segmentId, Consumer<String> visitor);

    /** Whether the member is in the segment (a single indexed lookup). */
    boolean contains(String organisationId, String segmentId, String memberId);
}
