package io.vigil.ingest.normalize;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vigil.event.Ecs;
import io.vigil.ingest.syslog.firewall.FirewallAction;
import io.vigil.ingest.syslog.firewall.FirewallEvent;

/** ECS fields of a packet logged by an iptables/nftables LOG rule or UFW (the same names as VPC flow logs). */
final class FirewallFields {

    private FirewallFields() {
    }

    static void apply(ObjectNode document, FirewallEvent event) {
        Documents.put(document, Ecs.EVENT_CATEGORY, "network");
        if (event.action() == FirewallAction.UNKNOWN) {
            Documents.put(document, Ecs.EVENT_TYPE, "connection");
        } else {
            Documents.put(document, Ecs.EVENT_ACTION, event.action().code());
            Documents.put(document, Ecs.EVENT_TYPE, event.action() == FirewallAction.ACCEPT ? "allowed" : "denied");
            // as for VPC flow logs: a packet let through succeeded, one blocked, dropped or rejected failed
            Documents.put(document, Ecs.EVENT_OUTCOME, event.action() == FirewallAction.ACCEPT ? "success" : "failure");
        }
        Documents.put(document, "rule.name", event.prefix());
        Documents.put(document, Ecs.SOURCE_IP, event.sourceIp());
        Documents.put(document, "destination.ip", event.destinationIp());
        Documents.addDistinct(document, Ecs.RELATED_IP, event.sourceIp());
        Documents.addDistinct(document, Ecs.RELATED_IP, event.destinationIp());
        if (event.sourcePort() != null) {
            Documents.put(document, "source.port", IntNode.valueOf(event.sourcePort()));
        }
        if (event.destinationPort() != null) {
            Documents.put(document, "destination.port", IntNode.valueOf(event.destinationPort()));
        }
        Documents.put(document, "network.transport", event.transport());
        if (event.bytes() != null) {
            Documents.put(document, "network.bytes", LongNode.valueOf(event.bytes()));
        }
        Documents.put(document, "network.packets", LongNode.valueOf(event.packets()));
        Documents.put(document, "observer.ingress.interface.name", event.inInterface());
        Documents.put(document, "observer.egress.interface.name", event.outInterface());
    }
}
