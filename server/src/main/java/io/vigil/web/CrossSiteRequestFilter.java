package io.vigil.web;

import java.net.URI;
import java.util.Set;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Cross-site request forgery defence for the console's pages, which authenticate by cookie: a
 * state-changing request must carry htmx's {@code HX-Request} header (a cross-site form cannot set
 * a custom header) and, when the browser names an {@code Origin}, come from this very origin. The
 * API under {@code /api} authenticates with bearer tokens, which a forged request cannot attach.
 */
public class CrossSiteRequestFilter {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    @ServerRequestFilter(preMatching = true)
    public Response refuseCrossSite(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (SAFE.contains(request.getMethod()) || path.startsWith("/api/")) {
            return null;
        }
        String origin = request.getHeaderString("Origin");
        URI self = request.getUriInfo().getBaseUri();
        boolean sameOrigin = origin == null || origin.equals(self.getScheme() + "://" + self.getAuthority());
        if (request.getHeaderString("HX-Request") != null && sameOrigin) {
            return null;
        }
        return Response.status(Response.Status.FORBIDDEN).type(MediaType.TEXT_PLAIN_TYPE)
                .entity("Refused: this change must come from the Vigil console itself.").build();
    }
}
