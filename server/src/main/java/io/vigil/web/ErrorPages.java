package io.vigil.web;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;

/**
 * Errors as people and programs want them: a page in the console's layout for a browser, a small
 * JSON body for the API. Never a stack trace.
 */
public class ErrorPages {

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance error(int status, String title, String detail);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpHeaders headers, UriInfo uri) {
        return respond(Response.Status.FORBIDDEN, "Not allowed",
                "Your roles do not grant access to " + uri.getPath()
                        + ". Ask an administrator for the role that includes it.",
                headers, uri);
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, HttpHeaders headers, UriInfo uri) {
        String detail = e.getMessage() != null && !e.getMessage().startsWith("HTTP 404")
                ? e.getMessage()
                : "There is nothing at " + uri.getPath() + ".";
        return respond(Response.Status.NOT_FOUND, "Not found", detail, headers, uri);
    }

    private static Response respond(Response.Status status, String title, String detail, HttpHeaders headers,
            UriInfo uri) {
        if (wantsHtml(headers, uri)) {
            return Response.status(status).type(MediaType.TEXT_HTML_TYPE)
                    .entity(Templates.error(status.getStatusCode(), title, detail)).build();
        }
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("status", status.getStatusCode(), "error", title, "detail", detail)).build();
    }

    static boolean wantsHtml(HttpHeaders headers, UriInfo uri) {
        if (uri.getPath().startsWith("/api/")) {
            return false;
        }
        List<MediaType> accepted = headers.getAcceptableMediaTypes();
        return accepted.stream()
                .anyMatch(type -> type.isCompatible(MediaType.TEXT_HTML_TYPE) && !type.isWildcardType());
    }
}
