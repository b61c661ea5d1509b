package io.vigil.web;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vigil.access.CurrentUser;

/**
 * What each console user chose for the lists: column widths and sort order per table, stored in
 * PostgreSQL by user so the choice follows them to another browser and holds on every replica. Pages
 * carry the current user's choices ({@code {inject:preferences.json}}); the tables write them back.
 */
@ApplicationScoped
@Named("preferences")
public class Preferences {

    static final Pattern KEY = Pattern.compile("[a-z][a-z0-9.-]{0,63}");
    static final int MAX_VALUE_CHARS = 4_096;
    static final int MAX_ALL_CHARS = 65_536;

    private static final Logger LOG = Logger.getLogger(Preferences.class);

    private final EntityManager db;
    private final CurrentUser currentUser;
    private final ObjectMapper json = new ObjectMapper();

    Preferences(EntityManager db, CurrentUser currentUser) {
        this.db = db;
        this.currentUser = currentUser;
    }

    /**
     * The signed-in user's choices as one JSON object ("{}" before the first), for the page to read. A
     * page still renders while PostgreSQL is down (the error pages use this too), with the defaults.
     */
    public String json() {
        if (!currentUser.signedIn()) {
            return "{}";
        }
        try {
            List<?> found = db.createNativeQuery("select prefs::text from user_preferences where subject = ?1")
                    .setParameter(1, currentUser.user().subject()).getResultList();
            return found.isEmpty() ? "{}" : (String) found.get(0);
        } catch (RuntimeException e) {
            LOG.debugf("Preferences unavailable: %s", e.getMessage());
            return "{}";
        }
    }

    /** One choice of the signed-in user (a missing node when they made none). */
    public JsonNode value(String key) {
        try {
            return json.readTree(json()).path(key);
        } catch (JsonProcessingException e) {
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
    }

    /** Sets one choice of the signed-in user, keeping the others (two tabs may each set their own). */
    @Transactional
    public void put(String key, String body) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("A preference name is lower-case letters, digits, '.' and '-' "
                    + "(at most 64), starting with a letter; got \"" + key + "\".");
        }
        if (body == null || body.length() > MAX_VALUE_CHARS) {
            throw new IllegalArgumentException("A preference is a JSON value of at most " + MAX_VALUE_CHARS
                    + " characters.");
        }
        JsonNode value;
        try {
            value = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The preference is not JSON: " + e.getOriginalMessage());
        }
        if (value == null || value.isMissingNode()) {
            throw new IllegalArgumentException("The preference is empty: send a JSON value.");
        }
        int size = ((Number) db.createNativeQuery("""
                insert into user_preferences (subject, prefs, updated_at)
                values (?1, jsonb_build_object(?2, cast(?3 as jsonb)), ?4)
                on conflict (subject) do update
                  set prefs = user_preferences.prefs || excluded.prefs, updated_at = excluded.updated_at
                returning length(prefs::text)""")
                .setParameter(1, currentUser.user().subject()).setParameter(2, key)
                .setParameter(3, value.toString()).setParameter(4, OffsetDateTime.now(ZoneOffset.UTC))
                .getSingleResult()).intValue();
        if (size > MAX_ALL_CHARS) {
            // thrown inside the transaction, so the write is rolled back
            throw new IllegalArgumentException("Your preferences would exceed " + MAX_ALL_CHARS
                    + " characters; this one was not kept.");
        }
    }
}
