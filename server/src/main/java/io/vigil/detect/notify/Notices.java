package io.vigil.detect.notify;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.vigil.store.Columns;

/**
 * Posts notices into the outbox (table {@code notification_notice}) in the caller's transaction, so a notice
 * goes out only if the change it tells of was saved; the {@link Dispatcher} routes and sends them with the
 * alerts.
 */
@ApplicationScoped
public class Notices {

    private final EntityManager db;

    Notices(EntityManager db) {
        this.db = db;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public UUID post(String kind, String level, String title, String detail, String link) {
        UUID id = UUID.randomUUID();
        db.createNativeQuery("""
                insert into notification_notice (id, kind, level, title, detail, link, created)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7)""").setParameter(1, id).setParameter(2, kind)
                .setParameter(3, level).setParameter(4, title).setParameter(5, detail).setParameter(6, link)
                .setParameter(7, Instant.now()).executeUpdate();
        return id;
    }

    /** Notices by id, in the order asked. */
    List<Notice> byId(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = db.createNativeQuery("""
                select id, kind, level, title, detail, link, created from notification_notice where id = any(?1)""")
                .setParameter(1, ids.toArray(UUID[]::new)).getResultList();
        Map<UUID, Notice> found = new HashMap<>();
        rows.forEach(r -> found.put((UUID) r[0], new Notice((UUID) r[0], (String) r[1], (String) r[2],
                (String) r[3], (String) r[4], (String) r[5], Columns.instant(r[6]))));
        return ids.stream().map(found::get).filter(Objects::nonNull).toList();
    }
}
