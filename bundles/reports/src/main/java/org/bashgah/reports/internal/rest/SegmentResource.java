package org.bashgah.reports.internal.rest;

import java.util.ArrayList;
import java.util.List;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.bashgah.core.api.BashgahException.Rejected;
import org.bashgah.core.api.Caller;
import org.bashgah.core.api.Member;
import org.bashgah.core.api.MemberService;
import org.bashgah.core.api.Rest;
import org.bashgah.core.api.Validation;
import org.bashgah.reports.api.Segment;
import org.bashgah.reports.internal.segment.SavedSegments;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code /api/v1/reports/segments}: saved segments, a report's member list kept under a name for offers and
 * messaging. Chain admins and branch managers (a branch manager: its own branch's segments only).
 */
@Component(service = SegmentResource.class)
@JaxrsResource
@JaxrsExtensionSelect(Rest.JSON_SELECT)
@Path("/api/v1/reports/segments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SegmentResource {
    private final SavedSegments segments;
    private final MemberService members;

    @Activate
    public SegmentResource(@Reference SavedSegments segments, @Reference MemberService members) {
        this.segments = segments;
        this.members = members;
    }

    @GET
    public List<Segment> list(@Context SecurityContext security) {
        Caller caller = reader(security);
        return segments.list(caller);
    }

    @POST
    public Response create(SavedSegments.SegmentRequest body, @Context SecurityContext security) {
        if (body == null) throw new Rejected("body", "is required");
        return Response.status(201).entity(segments.create(ReportResource.caller(security), body)).build();
    }

    @GET
    @Path("{id}")
    public Segment get(@PathParam("id") String id, @Context SecurityContext security) {
        return segments.find(reader(security), id);
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id, @Context SecurityContext security) {
        segments.delete(ReportResource.caller(security), id);
        return Response.noContent().build();
    }

    /** A member of a segment, as they are now (null name and phone for one who is no longer there). */
    public record SegmentMember(String id, String phone, String name, String tier, String joinedBranch) {
    }

    /** A page of a segment's members, in id order. */
    public record SegmentMembers(Segment segment, int offset, int limit, List<SegmentMember> members) {
    }

    @GET
    @Path("{id}/members")
    public SegmentMembers members(@PathParam("id") String id, @QueryParam("limit") String limitText,
                                  @QueryParam("offset") String offsetText, @Context SecurityContext security) {
        Caller caller = reader(security);
        Validation v = new Validation();
        int limit = (int) v.number("limit", limitText, 100, 1, 1000);
        int offset = (int) v.number("offset", offsetText, 0, 0, Integer.MAX_VALUE);
        v.throwIfInvalid();
        Segment segment = segments.find(caller, id);
        List<SegmentMember> page = new ArrayList<>();
        for (String memberId : segments.memberIds(caller, id, offset, limit)) {
            Member m = members.find(caller.organisationId(), memberId).orElse(null);
            page.add(m == null ? new SegmentMember(memberId, null, null, null, null)
                : new SegmentMember(m.id(), m.phone(), m.name(), m.tier(), m.joinedBranch()));
        }
        return new SegmentMembers(segment, offset, limit, page);
    }

    private static Caller reader(SecurityContext security) {
        Caller caller = ReportResource.caller(security);
        caller.requireRoleName(Caller.CHAIN_ADMIN, Caller.BRANCH_MANAGER);
        return caller;
    }
}
