package io.vigil.event;

/**
 * Field names Vigil writes on every event (Elastic Common Schema where ECS has a name, {@code vigil.*}
 * for Vigil's own). Sources keep their native fields beside these, so rules and analysts can use
 * either.
 */
public final class Ecs {

    public static final String TIMESTAMP = "@timestamp";
    public static final String MESSAGE = "message";
    public static final String EVENT_ID = "event.id";
    public static final String EVENT_KIND = "event.kind";
    public static final String EVENT_CATEGORY = "event.category";
    public static final String EVENT_TYPE = "event.type";
    public static final String EVENT_ACTION = "event.action";
    public static final String EVENT_OUTCOME = "event.outcome";
    public static final String EVENT_PROVIDER = "event.provider";
    public static final String EVENT_INGESTED = "event.ingested";
    public static final String EVENT_ORIGINAL = "event.original";
    public static final String SOURCE_IP = "source.ip";
    public static final String SOURCE_DOMAIN = "source.domain";
    public static final String USER_NAME = "user.name";
    public static final String USER_AGENT = "user_agent.original";
    public static final String HOST_NAME = "host.name";
    public static final String CLOUD_PROVIDER = "cloud.provider";
    public static final String CLOUD_REGION = "cloud.region";
    public static final String CLOUD_ACCOUNT_ID = "cloud.account.id";
    public static final String RELATED_IP = "related.ip";
    public static final String RELATED_USER = "related.user";
    public static final String VIGIL_SOURCE = "vigil.source";
    public static final String VIGIL_SOURCE_TYPE = "vigil.source_type";

    private Ecs() {
    }
}
