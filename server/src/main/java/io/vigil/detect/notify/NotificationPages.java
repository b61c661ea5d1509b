package io.vigil.detect.notify;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.common.annotation.Blocking;
import io.vigil.access.CurrentUser;
import io.vigil.access.Permission;
import io.vigil.event.Level;

/**
 * The admins' page for notification channels: their health first (failing channels and failed deliveries
 * with the last error), then a form to add or change one. Secret fields are always empty: left empty on
 * a change, the stored secret stays.
 */
@Path("/admin/notifications")
@Produces(MediaType.TEXT_HTML)
@Blocking
public class NotificationPages {

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance notifications(List<ChannelView> channels,
                List<Deliveries.DeliveryView> failed, List<String> levels, ChannelView editing);

        static native TemplateInstance notifications$form(List<String> levels, ChannelView editing);

        static native TemplateInstance result(List<String> problems, String message);
    }

    private final Channels channels;
    private final Deliveries deliveries;
    private final CurrentUser currentUser;

    NotificationPages(Channels channels, Deliveries deliveries, CurrentUser currentUser) {
        this.channels = channels;
        this.deliveries = deliveries;
        this.currentUser = currentUser;
    }

    @GET
    @PermissionsAllowed(Permission.Names.ADMIN)
    public TemplateInstance page() {
        return Templates.notifications(channels.list(), deliveries.list(Optional.of("failed"), Optional.empty(), 50),
                Level.IDS, null);
    }

    @GET
    @Path("{id}/edit")
    @PermissionsAllowed(Permission.Names.ADMIN)
    public TemplateInstance edit(@PathParam("id") UUID id) {
        return Templates.notifications$form(Level.IDS,
                channels.one(id).orElseThrow(() -> new NotFoundException("no channel " + id)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @PermissionsAllowed(Permission.Names.ADMIN)
    public Response create(MultivaluedMap<String, String> form) {
        try {
            channels.create(request(form), currentUser.user().username());
            return reload();
        } catch (InvalidChannelException e) {
            return Response.ok(Templates.result(e.problems(), null)).build();
        }
    }

    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @PermissionsAllowed(Permission.Names.ADMIN)
    public Response update(@PathParam("id") UUID id, MultivaluedMap<String, String> form) {
        try {
            channels.update(id, request(form), currentUser.user().username())
                    .orElseThrow(() -> new NotFoundException("no channel " + id));
            return reload();
        } catch (InvalidChannelException e) {
            return Response.ok(Templates.result(e.problems(), null)).build();
        }
    }

    @POST
    @Path("{id}/test")
    @PermissionsAllowed(Permission.Names.ADMIN)
    public TemplateInstance test(@PathParam("id") UUID id) {
        Optional<String> error = deliveries.test(id, currentUser.user().username())
                .orElseThrow(() -> new NotFoundException("no channel " + id));
        return error.map(e -> Templates.result(List.of("The test message failed: " + e), null))
                .orElseGet(() -> Templates.result(List.of(), "The test message was sent."));
    }

    @POST
    @Path("{id}/retry")
    @PermissionsAllowed(Permission.Names.ADMIN)
    public Response retry(@PathParam("id") UUID id) {
        channels.retryFailed(id);
        return reload();
    }

    @POST
    @Path("{id}/delete")
    @PermissionsAllowed(Permission.Names.ADMIN)
    public Response delete(@PathParam("id") UUID id) {
        channels.delete(id);
        return reload();
    }

    /** htmx loads the page again: the table and the failures show the change. */
    private static Response reload() {
        return Response.noContent().header("HX-Redirect", "/admin/notifications").build();
    }

    static ChannelRequest request(MultivaluedMap<String, String> form) {
        Integer port = number(form.getFirst("smtpPort"));
        Integer perMinute = number(form.getFirst("perMinute"));
        var smtp = new ChannelRequest.Smtp(form.getFirst("smtpHost"), port, form.getFirst("smtpTls"),
                form.getFirst("smtpUser"), form.getFirst("smtpPassword"));
        boolean email = "email".equals(form.getFirst("kind"));
        return new ChannelRequest(form.getFirst("name"), form.getFirst("kind"), form.getFirst("url"),
                list(form.getFirst("recipients")), form.getFirst("sender"), email ? smtp : null,
                form.getFirst("minLevel"), list(form.getFirst("packs")), list(form.getFirst("rules")), perMinute,
                form.containsKey("enabled"));
    }

    private static List<String> list(String commaSeparated) {
        return commaSeparated == null
                ? List.of()
                : Arrays.stream(commaSeparated.split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
    }

    private static Integer number(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return -1; // out of every range: the check names the field
        }
    }
}
