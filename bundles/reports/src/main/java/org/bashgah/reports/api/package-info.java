/**
 * What other capabilities use of bashgah-reports: saved {@link org.bashgah.reports.api.Segment segments}, named
 * member lists taken from a report (an RFM segment, the churned members of a branch ...), for offers to aim at and
 * messaging to send to. Without bashgah-reports installed the {@link org.bashgah.reports.api.Segments} service is
 * absent; callers should reference it optionally.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.bashgah.reports.api;
