package io.vigil.ingest.syslog.auth;

/**
 * One authentication message, read and settled against its session.
 *
 * @param action what happened
 * @param outcome what this line itself reports
 * @param user the account the attempt was for (the invoking user for sudo and su), or null
 * @param sourceIp the client's address in canonical text ({@code 1.2.3.4}, {@code 2001:db8::1}), from
 *        this line or an earlier line of the same session, or null
 * @param sourceDomain the client as a host name when the log named it so ({@code example.com}), lower
 *        case, or null
 * @param sourcePort the client's port, or null
 * @param authenticationFailure whether this line counts as one authentication failure of the source:
 *        credentials or account refused. A failure whose source was not yet known is counted on the
 *        later line that names it, and failures held back in case the session still succeeded (PAM
 *        lines under sshd, public keys tried in turn) are counted on the line that settles them — which
 *        can be a success line when the success was for another account than the failures.
 * @param preAuthFailure whether this line is a connection given up or refused before any credentials
 *        were judged: scanners, protocol mismatches, disconnects during authentication. Kept apart
 *        because it says "probe", not "wrong password".
 * @param targetUser the account sudo or su switched to, or null
 * @param command the command sudo ran, or null
 * @param times how many occurrences the line stands for (rsyslog's "message repeated N times", sshd's
 *        "PAM N more authentication failures"), 1 for a plain line
 */
public record AuthEvent(AuthAction action, Outcome outcome, String user, String sourceIp, String sourceDomain,
        Integer sourcePort, boolean authenticationFailure, boolean preAuthFailure, String targetUser,
        String command, int times) {

    /** How many authentication failures of its source this line stands for: what a sum should add. */
    public int failures() {
        return authenticationFailure ? times : 0;
    }

    /** The source as an address or a name, whichever the log gave; null when neither is known. */
    public String source() {
        return sourceIp != null ? sourceIp : sourceDomain;
    }
}
