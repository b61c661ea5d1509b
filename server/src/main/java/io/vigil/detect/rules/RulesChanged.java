package io.vigil.detect.rules;

/** Fired after rules or packs changed, so the detection reloads its rule set at once. */
public record RulesChanged(String what) {
}
