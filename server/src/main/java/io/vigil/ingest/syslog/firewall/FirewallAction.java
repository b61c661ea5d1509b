package io.vigil.ingest.syslog.firewall;

/** The verdict a logged packet got, as far as the rule's log prefix tells it. */
public enum FirewallAction {

    ACCEPT("accept"),
    REJECT("reject"),
    UNKNOWN("unknown");

    private final String code;

    FirewallAction(String code) {
        this.code = code;
    }

    /** The stable name used as {@code event.action}. */
    public String code() {
        return code;
    }
}
