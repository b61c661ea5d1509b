package io.vigil.ingest.syslog.firewall;

/**
 * One packet a firewall rule logged.
 *
 * @param prefix the rule's log prefix without brackets and trailing colon ({@code UFW BLOCK},
 *        {@code IPTABLES-DROP}), or null when the rule set none
 * @param action what the prefix says was done with the packet
 * @param inInterface the interface the packet came in on, or null (locally generated)
 * @param outInterface the interface it was to leave by, or null (addressed to this host)
 * @param sourceIp the packet's source address, canonical text
 * @param sourcePort the source port for TCP, UDP, UDP-Lite, SCTP and DCCP; null otherwise
 * @param destinationIp the packet's destination address, canonical text
 * @param destinationPort the destination port, as for the source
 * @param transport the IANA protocol name in lower case as ECS {@code network.transport} wants it
 *        ({@code tcp}, {@code udp}, {@code icmp}, {@code ipv6-icmp}), or the protocol number
 * @param bytes the IP packet's length ({@code LEN})
 * @param packets always 1: the kernel logs one line per packet
 */
public record FirewallEvent(String prefix, FirewallAction action, String inInterface, String outInterface,
        String sourceIp, Integer sourcePort, String destinationIp, Integer destinationPort, String transport,
        Long bytes, long packets) {
}
