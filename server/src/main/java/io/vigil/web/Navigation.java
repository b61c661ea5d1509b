package io.vigil.web;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import io.vigil.access.CurrentUser;
import io.vigil.access.Permission;

/**
 * The console's main navigation. An item is shown only to users holding its permission, the same
 * permission that guards the page behind it.
 */
@Named("navigation")
@RequestScoped
public class Navigation {

    /** One entry of the main navigation. */
    public record Item(String key, String label, String path, Permission permission) {
    }

    static final List<Item> ALL = List.of(
            new Item("search", "Search", "/search", Permission.EVENTS_READ),
            new Item("alerts", "Alerts", "/alerts", Permission.ALERTS_READ),
            new Item("incidents", "Incidents", "/incidents", Permission.INCIDENTS_READ),
            new Item("rules", "Rules", "/rules", Permission.RULES_READ),
            new Item("posture", "Posture", "/posture", Permission.POSTURE_READ),
            new Item("audit", "Audit", "/audit", Permission.AUDIT_READ),
            new Item("admin", "Admin", "/admin", Permission.ADMIN));

    private final CurrentUser currentUser;

    Navigation(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    public List<Item> items() {
        if (!currentUser.signedIn()) {
            return List.of();
        }
        return ALL.stream().filter(item -> currentUser.user().can(item.permission())).toList();
    }

    static Item item(String key) {
        return ALL.stream().filter(item -> item.key().equals(key)).findFirst().orElseThrow();
    }
}
