package io.vigil.ingest.normalize;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vigil.event.Ecs;

/**
 * What a CloudTrail record says of its outcome, and whether it is a sign-in. AWS states a failure in
 * {@code errorCode} for API calls, but the console's sign-in events ({@code eventType}
 * {@code AwsConsoleSignIn}: {@code ConsoleLogin}, {@code CheckMfa}, {@code SwitchRole}, {@code ExitRole},
 * {@code GetSigninToken}, …) answer in {@code responseElements.<eventName>} ({@code "Success"} or
 * {@code "Failure"}) with an {@code errorMessage} such as "Failed authentication" and no error code.
 */
final class CloudTrailOutcome {

    /** ECS {@code event.type} of the sign-in events; any other sign-in event is {@code info}. */
    private static final Map<String, String> SIGN_IN_TYPES = Map.of("ConsoleLogin", "start", "SwitchRole", "start",
            "GetSigninToken", "start", "RenewRole", "start", "ExitRole", "end", "ConsoleLogout", "end");

    private CloudTrailOutcome() {
    }

    /** Puts {@code event.outcome} and, for sign-in events, {@code event.category} and {@code event.type}. */
    static void apply(JsonNode record, String eventName, ObjectNode document) {
        Documents.put(document, Ecs.EVENT_OUTCOME, outcome(record, eventName));
        if (isSignIn(record)) {
            Documents.put(document, Ecs.EVENT_CATEGORY, "authentication");
            Documents.put(document, Ecs.EVENT_TYPE, SIGN_IN_TYPES.getOrDefault(eventName, "info"));
        }
    }

    static String outcome(JsonNode record, String eventName) {
        if (Documents.text(record, "errorCode").isPresent()) {
            return "failure";
        }
        Optional<String> stated = stated(record.path("responseElements"), eventName);
        if (stated.isPresent()) {
            return stated.get();
        }
        return Documents.text(record, "errorMessage").isPresent() ? "failure" : "success";
    }

    /** {@code responseElements.<eventName>: "Success" | "Failure"}, as the sign-in events write it. */
    private static Optional<String> stated(JsonNode response, String eventName) {
        JsonNode value = response.isObject() ? response.get(eventName) : null;
        if (value == null || !value.isTextual()) {
            return Optional.empty();
        }
        return switch (value.asText().toLowerCase(Locale.ROOT)) {
            case "success" -> Optional.of("success");
            case "failure" -> Optional.of("failure");
            default -> Optional.empty();
        };
    }

    private static boolean isSignIn(JsonNode record) {
        return "AwsConsoleSignIn".equals(record.path("eventType").asText())
                || "signin.amazonaws.com".equals(record.path("eventSource").asText());
    }
}
