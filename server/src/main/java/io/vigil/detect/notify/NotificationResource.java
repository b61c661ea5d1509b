package io.vigil.detect.notify;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.security.PermissionsAllowed;
import io.smallrye.common.annotation.Blocking;
import io.vigil.access.CurrentUser;
import io.vigil.access.Permission;
import io.vigil.web.JsonProblems;

/** Notification channels and their deliveries, for admins. Secrets go in and never come out. */
@Path("/api/notifications")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class NotificationResource {

    private final Channels channels;
    private final Deliveries deliveries;
    private final CurrentUser currentUser;

    NotificationResource(Channels channels, Deliveries deliveries, CurrentUser currentUser) {
        this.channels = channels;
        this.deliveries = deliveries;
        this.currentUser = currentUser;
    }

    @GET
    @Path("channels")
    @PermissionsAllowed(Permission.Names.ADMIN)
    @Operation(summary = "Every channel with how its deliveries go (pending, failed, sent in a day, last error)")
    public List<ChannelView> list() {
        return channels.list();
    }

    @GET
    @Path("channels/{id}")
    @PermissionsAllowed(Permission.Names.ADMIN)
    @Operation(summary = "One channel")
    public ChannelView one(@PathParam("id") UUID id) {
        return channels.one(id).orElseThrow(() -> new NotFoundException("no channel " + id));
    }

    @POST
    @Path("channels")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Permission.Names.ADMIN)
    @Operation(summary = "Create a channel: webhook, slack or email, with the alerts it takes")
    public Response create(ChannelRequest request) {
        ChannelView created = channels.create(body(request), currentUser.user().username());
        return Response.created(URI.create("/api/notifications/channels/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("channels/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Permission.Names.ADMIN)
    @Operation(summary = "Change a channel; a secret left out keeps the stored one")
    public ChannelView update(@PathParam("id") UUID id, ChannelRequest request) {
        return channels.update(id, body(request), currentUser.user().username())
                .orElseThrow(() -> new NotFoundException("no channel " + id));
    }

    @DELETE
    @Path("channels/{id}")
    @PermissionsAllowed(Permission.Names.ADMIN)
    @Operation(summary = "Delete a channel and its deliveries")
    public Response delete(@PathParam("id") UUID id) {
        if (!channels.delete(id)) {
            throw new NotFoundException("no channel " + id);
        }
        return Response.noContent().build();
    }

    @POST
    @Path("channels/{id}/test")
    @PermissionsAllowed(Permission.Names.ADMIN)
    @Operation(summary = "Send a test message now; 502 with the channel's error if it fails")
    public Response test(@PathParam("id") UUID id) {
        Optional<String> error = deliveries.test(id, currentUser.user().username())
                .orElseThrow(() -> new NotFoundException("no channel " + id));
        return error.map(e -> JsonProblems.of(502, e)).orElseGet(() -> Response.ok(Map.of("sent", true)).build());
    }

    @POST
    @Path("channels/{id}/retry")
    @PermissionsAllowed(Permission.Names.ADMIN)
    @Operation(summary = "Give the channel's failed deliveries another round of attempts")
    public Map<String, Integer> retry(@PathParam("id") UUID id) {
        return Map.of("retried", channels.retryFailed(id));
    }

    @GET
    @Path("deliveries")
    @PermissionsAllowed(Permission.Names.ADMIN)
    @Operation(summary = "The newest deliveries: state pending, sent or failed; one channel; at most limit (100)")
    public Response deliveries(@QueryParam("state") String state, @QueryParam("channel") UUID channel,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        if (state != null && !List.of("pending", "sent", "failed").contains(state)) {
            return JsonProblems.of(400, "state: one of pending, sent, failed (was \"" + state + "\")");
        }
        if (limit < 1 || limit > 1000) {
            return JsonProblems.of(400, "limit: 1 to 1000 (was " + limit + ")");
        }
        return Response.ok(deliveries.list(Optional.ofNullable(state), Optional.ofNullable(channel), limit)).build();
    }

    private static ChannelRequest body(ChannelRequest request) {
        if (request == null) {
            throw new InvalidChannelException(List.of("body: a JSON channel is required"));
        }
        return request;
    }

    @ServerExceptionMapper
    public Response invalid(InvalidChannelException e) {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("status", 400, "error", "Invalid channel", "problems", e.problems())).build();
    }
}
