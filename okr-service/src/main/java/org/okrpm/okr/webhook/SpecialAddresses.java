package org.okrpm.okr.webhook;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Addresses a webhook must not reach: every block of the IANA IPv4 and IPv6 Special-Purpose Address
 * Registries (RFC 6890 and its updates) that is not globally reachable, plus multicast, plus — for IPv6 —
 * everything outside the global unicast space 2000::/3. Blocks whose traffic ends up at an IPv4 address chosen
 * by the sender (NAT64 64:ff9b::/96 and 64:ff9b:1::/48, 6to4 2002::/16, Teredo inside 2001::/23) are refused
 * whole: a translator on our network would carry them to any private IPv4 address. IPv4-mapped
 * (::ffff:a.b.c.d), IPv4-translated (::ffff:0:a.b.c.d) and IPv4-compatible (::a.b.c.d) forms are judged by
 * the IPv4 address they carry. The few globally reachable anycast blocks inside refused ranges (PCP/TURN
 * anycast, AS112) are refused too: they are never webhook receivers.
 */
final class SpecialAddresses {

    /** A CIDR block and the kind of address it holds. */
    private record Block(byte[] prefix, int bits, String kind) {

        static Block of(String cidr, String kind) {
            String[] parts = cidr.split("/");
            try {
                return new Block(InetAddress.getByName(parts[0]).getAddress(), Integer.parseInt(parts[1]), kind);
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(cidr, e);
            }
        }

        boolean contains(byte[] address) {
            if (address.length != prefix.length) {
                return false;
            }
            int full = bits / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != prefix[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (address[full] & mask) == (prefix[full] & mask);
        }
    }

    /** IANA IPv4 Special-Purpose Address Registry (not globally reachable), plus multicast. */
    private static final List<Block> IPV4 = List.of(
            Block.of("0.0.0.0/8", "unspecified"),               // "this network"
            Block.of("10.0.0.0/8", "private"),
            Block.of("100.64.0.0/10", "private"),               // shared address space, carrier-grade NAT
            Block.of("127.0.0.0/8", "loopback"),
            Block.of("169.254.0.0/16", "link-local"),           // cloud metadata endpoints live here
            Block.of("172.16.0.0/12", "private"),
            Block.of("192.0.0.0/24", "reserved"),               // IETF protocol assignments (DS-Lite, NAT64 discovery)
            Block.of("192.0.2.0/24", "documentation"),
            Block.of("192.88.99.0/24", "reserved"),             // deprecated 6to4 relay anycast
            Block.of("192.168.0.0/16", "private"),
            Block.of("198.18.0.0/15", "benchmarking"),
            Block.of("198.51.100.0/24", "documentation"),
            Block.of("203.0.113.0/24", "documentation"),
            Block.of("224.0.0.0/4", "multicast"),
            Block.of("240.0.0.0/4", "reserved"));               // includes 255.255.255.255, limited broadcast

    /** IANA IPv6 Special-Purpose Address Registry and IPv6 multicast, inside and outside 2000::/3. */
    private static final List<Block> IPV6 = List.of(
            Block.of("::1/128", "loopback"),
            Block.of("::/128", "unspecified"),
            Block.of("64:ff9b::/96", "NAT64"),
            Block.of("64:ff9b:1::/48", "NAT64"),
            Block.of("100::/64", "discard-only"),
            Block.of("2001::/23", "reserved"),                  // IETF protocol assignments: Teredo, ORCHID, benchmarking
            Block.of("2001:db8::/32", "documentation"),
            Block.of("2002::/16", "6to4"),
            Block.of("3fff::/20", "documentation"),
            Block.of("5f00::/16", "reserved"),                  // SRv6 SIDs
            Block.of("fc00::/7", "unique-local"),
            Block.of("fe80::/10", "link-local"),
            Block.of("fec0::/10", "site-local"),
            Block.of("ff00::/8", "multicast"));

    private static final Block GLOBAL_UNICAST = Block.of("2000::/3", "global");

    private SpecialAddresses() {
    }

    /** The kind of a non-public address (loopback, private, NAT64, …), or empty for a globally reachable one. */
    static Optional<String> kind(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return find(IPV4, b);
        }
        Optional<String> special = find(IPV6, b); // first, so :: and ::1 are not taken for IPv4-compatible
        if (special.isPresent()) {
            return special;
        }
        Optional<byte[]> embedded = embeddedIpv4(b);
        if (embedded.isPresent()) {
            return find(IPV4, embedded.get());
        }
        return GLOBAL_UNICAST.contains(b) ? Optional.empty() : Optional.of("reserved");
    }

    private static Optional<String> find(List<Block> blocks, byte[] address) {
        return blocks.stream().filter(block -> block.contains(address)).map(Block::kind).findFirst();
    }

    /**
     * The IPv4 address of ::ffff:a.b.c.d (mapped), ::ffff:0:a.b.c.d (translated) and ::a.b.c.d (compatible,
     * deprecated).
     */
    private static Optional<byte[]> embeddedIpv4(byte[] b) {
        for (int i = 0; i < 8; i++) {
            if (b[i] != 0) {
                return Optional.empty();
            }
        }
        int w5 = ((b[8] & 0xff) << 8) | (b[9] & 0xff);
        int w6 = ((b[10] & 0xff) << 8) | (b[11] & 0xff);
        boolean mapped = w5 == 0 && w6 == 0xffff;
        boolean translated = w5 == 0xffff && w6 == 0;
        boolean compatible = w5 == 0 && w6 == 0;
        if (!mapped && !translated && !compatible) {
            return Optional.empty();
        }
        return Optional.of(Arrays.copyOfRange(b, 12, 16));
    }
}
