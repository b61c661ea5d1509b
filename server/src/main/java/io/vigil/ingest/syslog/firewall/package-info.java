/**
 * Firewall messages in syslog: the lines the Linux kernel writes for packets matched by an iptables
 * or nftables {@code LOG} rule, UFW's included ({@code [UFW BLOCK] IN=eth0 OUT= MAC=... SRC=203.0.113.5
 * DST=198.51.100.7 LEN=60 ... PROTO=TCP SPT=51234 DPT=22 ...}), read into a
 * {@link io.vigil.ingest.syslog.firewall.FirewallEvent}: the packet's addresses, ports, transport and
 * size, the interfaces, the rule's log prefix and the verdict the prefix names. The kernel writes these
 * fields itself, so they are read as {@code KEY=value} words; only the prefix is the administrator's
 * free text.
 */
package io.vigil.ingest.syslog.firewall;
