package io.vigil.detect.match;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;

/** CIDR containment of a field value; a value that is not an address is simply outside. */
final class Addresses {

    private Addresses() {
    }

    static boolean inside(IPAddress network, String value) {
        IPAddress address = new IPAddressString(value.trim()).getAddress();
        if (address == null) {
            return false;
        }
        if (address.isIPv6() && network.isIPv4() && address.toIPv6().isIPv4Mapped()) {
            address = address.toIPv6().getEmbeddedIPv4Address();
        }
        return address.getIPVersion() == network.getIPVersion() && network.contains(address.withoutPrefixLength());
    }
}
