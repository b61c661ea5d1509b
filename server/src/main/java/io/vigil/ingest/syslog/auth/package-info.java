/**
 * Authentication messages in syslog: what sshd, PAM modules, sudo, su, dropbear and the audit
 * daemon say about logins, read from the message part of a line into an {@link
 * io.vigil.ingest.syslog.auth.AuthEvent} (action, outcome, user, source, and whether the line is an
 * authentication failure worth counting against its source). One message rarely tells the whole
 * story: sshd names the client on one line and says the attempt failed on another, and a PAM
 * failure may be followed by a successful login of the same user by another method. So the parser
 * keeps a small, bounded memory per daemon process ({@link io.vigil.ingest.syslog.auth.AuthSessions})
 * and settles each line against it. Patterns are per daemon, anchored and free of nested
 * quantifiers over user-controlled text, because user names and client banners are attacker input.
 */
package io.vigil.ingest.syslog.auth;
