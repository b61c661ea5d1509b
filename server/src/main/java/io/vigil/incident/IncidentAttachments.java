package io.vigil.incident;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.vigil.access.VigilUser;
import io.vigil.store.Columns;

/**
 * Files attached to incidents: at most {@value #MAX_BYTES} bytes each and {@value #MAX_PER_INCIDENT} per
 * incident, of a type from {@link AttachmentType} whose bytes match it, stored with their SHA-256 so a copy
 * handed on can be checked against the one on record.
 */
@ApplicationScoped
public class IncidentAttachments {

    static final int MAX_BYTES = 10 * 1024 * 1024;
    static final int MAX_PER_INCIDENT = 50;

    /** A file to attach, as it arrived. */
    public record Upload(String name, String contentType, byte[] content) {
    }

    /** An attachment's bytes with what a download needs. */
    public record Download(String name, String contentType, String sha256, byte[] content) {
    }

    private final Clock clock = Clock.systemUTC();

    /** Attaches the file; answers its id. Refuses (saving nothing) an empty, oversized or mislabelled file. */
    @Transactional
    public long attach(VigilUser user, long id, Upload upload) {
        String name = upload.name() == null ? "" : upload.name().replaceAll("[\\p{Cntrl}/\\\\]", "_").strip();
        if (name.isEmpty() || name.length() > 200) {
            throw IncidentProblem.invalid("file: a name of 1 to 200 characters");
        }
        byte[] content = upload.content() == null ? new byte[0] : upload.content();
        if (content.length == 0) {
            throw IncidentProblem.invalid("file: " + name + " is empty");
        }
        if (content.length > MAX_BYTES) {
            throw new IncidentProblem(413, "file: " + name + " has " + content.length + " bytes; at most " + MAX_BYTES
                    + " (10 MiB)", List.of());
        }
        AttachmentType type = AttachmentType.of(upload.contentType()).orElseThrow(() -> new IncidentProblem(415,
                "file: content type " + upload.contentType() + " is not accepted (one of " + String.join(", ",
                        AttachmentType.IDS) + ")",
                List.of()));
        Optional<String> mismatch = type.mismatch(content);
        if (mismatch.isPresent()) {
            throw new IncidentProblem(415, "file: " + name + ": " + mismatch.get(), List.of());
        }
        Incident incident = IncidentService.writable(IncidentService.locked(id));
        if (IncidentAttachment.count("incidentId", id) >= MAX_PER_INCIDENT) {
            throw IncidentProblem.conflict(IncidentView.ref(id) + " already has " + MAX_PER_INCIDENT + " attachments");
        }
        IncidentAttachment attachment = new IncidentAttachment();
        attachment.incidentId = id;
        attachment.name = name;
        attachment.contentType = type.id;
        attachment.size = content.length;
        attachment.sha256 = sha256(content);
        attachment.content = content;
        attachment.added = clock.instant();
        attachment.addedBy = user.username();
        attachment.persist();
        Timeline.record(incident, user, attachment.added, "attachment", null, name + " (" + content.length
                + " bytes, SHA-256 " + attachment.sha256.substring(0, 12) + "…)");
        return attachment.id;
    }

    @Transactional
    public Optional<Download> download(long id, long attachmentId) {
        IncidentAttachment a = IncidentAttachment.findById(attachmentId);
        return a == null || a.incidentId != id
                ? Optional.empty()
                : Optional.of(new Download(a.name, a.contentType, a.sha256, a.content));
    }

    /** The attachments' descriptions, without loading their bytes. */
    static List<IncidentView.Attachment> of(jakarta.persistence.EntityManager db, long id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = db.createNativeQuery("""
                select id, name, content_type, size, sha256, added, added_by from incident_attachment
                where incident_id = ?1 order by id""").setParameter(1, id).getResultList();
        return rows.stream().map(r -> new IncidentView.Attachment(((Number) r[0]).longValue(), (String) r[1],
                (String) r[2], ((Number) r[3]).intValue(), (String) r[4], Columns.instant(r[5]),
                (String) r[6])).toList();
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
