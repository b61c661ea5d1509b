package io.vigil.ingest.normalize;

import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vigil.event.Ecs;
import io.vigil.ingest.syslog.auth.AuthAction;
import io.vigil.ingest.syslog.auth.AuthEvent;
import io.vigil.ingest.syslog.auth.Outcome;

/**
 * ECS fields of an sshd, PAM, sudo, su or dropbear message. {@code vigil.auth.failure} marks the lines
 * that count as authentication failures of their source (what brute-force rules count), which is not
 * always the line's own outcome: see {@link AuthEvent}; {@code vigil.auth.failures} says how many (more
 * than one for a repeated message), so that a sum counts failures.
 */
final class LinuxAuthFields {

    private LinuxAuthFields() {
    }

    static void apply(ObjectNode document, AuthEvent event) {
        AuthAction action = event.action();
        Documents.put(document, Ecs.EVENT_ACTION, action.code());
        if (event.outcome() != Outcome.UNKNOWN) {
            Documents.put(document, Ecs.EVENT_OUTCOME, event.outcome().code());
        }
        Documents.put(document, Ecs.EVENT_CATEGORY, category(action));
        Documents.put(document, Ecs.EVENT_TYPE, type(action));
        Documents.put(document, Ecs.USER_NAME, event.user());
        Documents.addDistinct(document, Ecs.RELATED_USER, event.user());
        Documents.put(document, "user.effective.name", event.targetUser());
        Documents.addDistinct(document, Ecs.RELATED_USER, event.targetUser());
        Documents.put(document, "process.command_line", event.command());
        Documents.put(document, Ecs.SOURCE_IP, event.sourceIp());
        Documents.addDistinct(document, Ecs.RELATED_IP, event.sourceIp());
        Documents.put(document, Ecs.SOURCE_DOMAIN, event.sourceDomain());
        if (event.sourcePort() != null) {
            Documents.put(document, "source.port", IntNode.valueOf(event.sourcePort()));
        }
        Documents.put(document, "vigil.auth.failure", BooleanNode.valueOf(event.authenticationFailure()));
        if (event.authenticationFailure()) {
            // what a sum adds up to count failures: N for "message repeated N times: [ Failed password …]"
            Documents.put(document, "vigil.auth.failures", IntNode.valueOf(event.failures()));
        }
        if (event.times() > 1) {
            Documents.put(document, "vigil.auth.repeated", IntNode.valueOf(event.times()));
        }
        Documents.put(document, "vigil.auth.preauth_failure", BooleanNode.valueOf(event.preAuthFailure()));
    }

    private static String category(AuthAction action) {
        return switch (action) {
            case SESSION_OPENED, SESSION_CLOSED -> "session";
            case SUDO_COMMAND -> "process";
            case CONNECTION_OPENED, CONNECTION_INFO, CONNECTION_CLOSED, CLIENT_DISCONNECT, NO_IDENTIFICATION,
                    BAD_PROTOCOL, NEGOTIATION_FAILED, REVERSE_MAPPING_MISMATCH, REFUSED_CONNECT ->
                "network";
            default -> "authentication";
        };
    }

    private static String type(AuthAction action) {
        return switch (action) {
            case SESSION_OPENED, SUDO_COMMAND, SU_SUCCESS -> "start";
            case SESSION_CLOSED, CONNECTION_CLOSED, CLIENT_DISCONNECT, PREAUTH_DISCONNECT -> "end";
            case CONNECTION_OPENED -> "connection";
            case SUDO_DENIED, USER_NOT_ALLOWED, ROOT_LOGIN_REFUSED, REFUSED_CONNECT, USER_CHANGE_REFUSED -> "denied";
            default -> "info";
        };
    }
}
