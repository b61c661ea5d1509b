package io.vigil.ingest.syslog.auth;

/**
 * What an authentication message says happened. The {@link #code()} strings are stable: they become
 * {@code event.action} and detection rules match on them.
 */
public enum AuthAction {

    // credentials judged
    FAILED_PASSWORD("failed-password"),
    FAILED_PUBLICKEY("failed-publickey"),
    /** keyboard-interactive, hostbased, gssapi, none ... */
    FAILED_OTHER_METHOD("failed-other-method"),
    ACCEPTED_PASSWORD("accepted-password"),
    ACCEPTED_PUBLICKEY("accepted-publickey"),
    ACCEPTED_OTHER_METHOD("accepted-other-method"),
    /** A PAM module or sshd's PAM glue reporting a failed authentication. */
    AUTH_FAILURE("auth-failure"),
    /** The audit daemon's {@code USER_ERR}: authentication could not even be attempted. */
    AUTH_ERROR("auth-error"),
    /** The audit daemon's {@code USER_AUTH} with {@code res=success}. */
    AUTH_SUCCESS("auth-success"),
    /** The audit daemon's {@code USER_LOGIN}, successful or not. */
    LOGIN("login"),

    // account and policy refusals
    INVALID_USER("invalid-user"),
    USER_NOT_ALLOWED("user-not-allowed"),
    ROOT_LOGIN_REFUSED("root-login-refused"),
    REFUSED_CONNECT("refused-connect"),
    MAX_ATTEMPTS_EXCEEDED("max-attempts-exceeded"),
    TOO_MANY_FAILURES("too-many-failures"),
    /**
     * sshd's summary at the end of a connection, "PAM N more authentication failures": attempts it has
     * already reported one by one, so not counted again.
     */
    PAM_MORE_FAILURES("pam-more-failures"),
    USER_CHANGE_REFUSED("user-change-refused"),

    // the connection around the authentication
    CONNECTION_OPENED("connection-opened"),
    CONNECTION_INFO("connection-info"),
    CONNECTION_CLOSED("connection-closed"),
    CLIENT_DISCONNECT("client-disconnect"),
    PREAUTH_DISCONNECT("preauth-disconnect"),
    NO_IDENTIFICATION("no-identification"),
    BAD_PROTOCOL("bad-protocol"),
    NEGOTIATION_FAILED("negotiation-failed"),
    NO_AUTH_METHODS("no-auth-methods"),
    AUTH_TIMEOUT("auth-timeout"),
    REVERSE_MAPPING_MISMATCH("reverse-mapping-mismatch"),

    // sessions and privilege changes
    SESSION_OPENED("session-opened"),
    SESSION_CLOSED("session-closed"),
    SUDO_COMMAND("sudo-command"),
    SUDO_AUTH_FAILURE("sudo-auth-failure"),
    SUDO_DENIED("sudo-denied"),
    SU_SUCCESS("su-success"),
    SU_FAILURE("su-failure");

    private final String code;

    AuthAction(String code) {
        this.code = code;
    }

    /** The stable name used as ECS {@code event.action}. */
    public String code() {
        return code;
    }
}
