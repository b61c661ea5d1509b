package io.vigil.incident;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.multipart.FileUpload;

/** Attachments between HTTP and {@link IncidentAttachments}: an upload read with its limit, a download sent safely. */
final class Uploads {

    private Uploads() {
    }

    static IncidentAttachments.Upload read(FileUpload file) {
        if (file == null) {
            throw IncidentProblem.invalid("file: a multipart form field named file");
        }
        if (file.size() > IncidentAttachments.MAX_BYTES) {
            throw new IncidentProblem(413, "file: " + file.fileName() + " has " + file.size() + " bytes; at most "
                    + IncidentAttachments.MAX_BYTES + " (10 MiB)", List.of());
        }
        try {
            return new IncidentAttachments.Upload(file.fileName(), file.contentType(),
                    Files.readAllBytes(file.uploadedFile()));
        } catch (IOException e) {
            throw IncidentProblem.invalid("file: could not be read (" + e.getMessage() + ")");
        }
    }

    /**
     * The bytes as a download, never shown in place: a browser neither sniffs nor renders them, and a
     * sandbox policy disarms anything that still would run.
     */
    static Response response(IncidentAttachments.Download d) {
        String ascii = d.name().replaceAll("[^A-Za-z0-9._-]", "_");
        String encoded = java.net.URLEncoder.encode(d.name(), StandardCharsets.UTF_8).replace("+", "%20");
        return Response.ok(d.content(), d.contentType())
                .header("Content-Disposition", "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded)
                .header("X-Content-Type-Options", "nosniff").header("Content-Security-Policy", "sandbox")
                .header("X-Content-SHA256", d.sha256()).build();
    }
}
