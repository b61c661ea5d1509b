package io.vigil.ingest.syslog;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;

/**
 * The networks a syslog listener takes messages from ({@code vigil.syslog.allowed-senders}): none
 * configured means every sender. A bad entry stops the start with its text, rather than opening
 * the listener wider than meant.
 */
final class SenderNetworks {

    private final List<IPAddress> networks;

    private SenderNetworks(List<IPAddress> networks) {
        this.networks = networks;
    }

    static SenderNetworks of(List<String> entries) {
        List<IPAddress> networks = new ArrayList<>();
        for (String entry : entries) {
            if (entry.isBlank()) {
                continue;
            }
            IPAddress network = new IPAddressString(entry.strip()).getAddress();
            if (network == null) {
                throw new IllegalArgumentException("vigil.syslog.allowed-senders: '" + entry.strip()
                        + "' is not an address or network (write 10.0.0.0/8, 192.0.2.7 or 2001:db8::/32)");
            }
            networks.add(network.toPrefixBlock());
        }
        return new SenderNetworks(List.copyOf(networks));
    }

    boolean everyone() {
        return networks.isEmpty();
    }

    boolean allows(InetAddress sender) {
        if (networks.isEmpty()) {
            return true;
        }
        IPAddress address = new IPAddressString(sender.getHostAddress()).getAddress();
        if (address == null) {
            return false;
        }
        // an IPv4 sender seen through an IPv6 socket (::ffff:192.0.2.7) is matched as IPv4
        IPAddress plain = address.isIPv6() && address.toIPv6().isIPv4Mapped()
                ? address.toIPv6().getEmbeddedIPv4Address()
                : address;
        return networks.stream().anyMatch(network -> network.contains(plain));
    }
}
