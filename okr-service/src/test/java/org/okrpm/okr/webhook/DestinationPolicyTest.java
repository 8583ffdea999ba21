package org.okrpm.okr.webhook;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.okrpm.kit.problem.ProblemException;

/** The server-side request forgery rule of the production profile, on literal addresses and a fake DNS. */
class DestinationPolicyTest {

    /** A DNS that knows a few names; literal IPs are parsed without any lookup. */
    private static final Map<String, String> DNS = Map.of(
            "hooks.example.com", "93.184.216.34",
            "internal.corp", "10.1.2.3",
            "metadata.cloud", "169.254.169.254",
            "sneaky.example.com", "127.0.0.1",
            "nat64.example.com", "64:ff9b::a01:203");

    private static InetAddress[] resolve(String host) throws UnknownHostException {
        String ip = DNS.get(host);
        if (ip != null) {
            return new InetAddress[] {InetAddress.getByName(ip)};
        }
        if (host.matches("[0-9.]+") || host.contains(":")) {
            return new InetAddress[] {InetAddress.getByName(host)};
        }
        throw new UnknownHostException(host);
    }

    private final DestinationPolicy production = new DestinationPolicy(false, DestinationPolicyTest::resolve);

    private Optional<String> refusal(String url) {
        return production.refusal(DestinationPolicy.parse(url));
    }

    private static Optional<String> kind(String ip) throws UnknownHostException {
        return SpecialAddresses.kind(InetAddress.getByName(ip));
    }

    private void assertRefused(String ip, String kind) throws UnknownHostException {
        assertThat(ip, kind(ip), is(Optional.of(kind)));
        String literal = ip.contains(":") ? "[" + ip + "]" : ip;
        assertThat(ip, refusal("http://" + literal + ":8080/x").isPresent(), is(true));
    }

    @Test
    void publicAddressesAreAllowed() throws Exception {
        assertThat(refusal("https://hooks.example.com/okr"), is(Optional.empty()));
        assertThat(refusal("http://8.8.8.8:8080/x"), is(Optional.empty()));
        assertThat(refusal("https://[2606:4700:4700::1111]/x"), is(Optional.empty()));
        // the edges of refused blocks are public
        for (String ip : new String[] {"198.17.255.255", "198.20.0.0", "192.0.1.0", "100.63.255.255",
                "100.128.0.0", "172.32.0.0", "223.255.255.255", "2003::1", "2001:200::1", "::ffff:8.8.8.8"}) {
            assertThat(ip, kind(ip), is(Optional.empty()));
        }
    }

    @Test
    void theRangesTheIssueFoundOpenAreRefused() throws Exception {
        assertRefused("64:ff9b::a00:1", "NAT64");            // 64:ff9b::10.0.0.1
        assertRefused("64:ff9b::808:808", "NAT64");          // even to a public IPv4: the translator decides
        assertRefused("64:ff9b:1::1", "NAT64");
        assertRefused("2002:a00:1::1", "6to4");               // 6to4 of 10.0.0.1
        assertRefused("2002:808:808::1", "6to4");
        assertRefused("198.18.0.1", "benchmarking");
        assertRefused("198.19.255.255", "benchmarking");
        assertRefused("192.0.0.1", "reserved");
        assertRefused("192.0.0.170", "reserved");
        // a public name resolving into NAT64
        assertThat(refusal("https://nat64.example.com/").isPresent(), is(true));
    }

    @Test
    void everyNonGlobalIpv4SpecialPurposeBlockIsRefused() throws Exception {
        assertRefused("0.1.2.3", "unspecified");
        assertRefused("0.0.0.0", "unspecified");
        for (String ip : new String[] {"10.0.0.1", "172.16.5.4", "172.31.255.255", "192.168.1.10", "100.64.0.1",
                "100.127.255.254"}) {
            assertRefused(ip, "private");
        }
        assertRefused("127.0.0.1", "loopback");
        assertRefused("127.8.9.10", "loopback");
        assertRefused("169.254.169.254", "link-local");
        assertRefused("192.0.2.10", "documentation");
        assertRefused("198.51.100.7", "documentation");
        assertRefused("203.0.113.200", "documentation");
        assertRefused("192.88.99.1", "reserved");
        assertRefused("224.0.0.1", "multicast");
        assertRefused("239.255.255.250", "multicast");
        assertRefused("240.0.0.1", "reserved");
        assertRefused("255.255.255.255", "reserved");
    }

    @Test
    void everyNonGlobalIpv6BlockIsRefused() throws Exception {
        assertRefused("::1", "loopback");
        assertRefused("::", "unspecified");
        assertRefused("100::1", "discard-only");
        assertRefused("2001::1", "reserved");                 // Teredo
        assertRefused("2001:2::1", "reserved");               // benchmarking
        assertRefused("2001:db8::1", "documentation");
        assertRefused("3fff::1", "documentation");
        assertRefused("5f00::1", "reserved");
        assertRefused("fd12:3456:789a::1", "unique-local");
        assertRefused("fe80::1", "link-local");
        assertRefused("fec0::1", "site-local");
        assertRefused("ff02::1", "multicast");
        assertRefused("4000::1", "reserved");                 // outside global unicast 2000::/3
    }

    @Test
    void ipv4InsideIpv6IsJudgedByItsIpv4() throws Exception {
        // mapped: Java hands these back as IPv4 already; a resolver may still produce the IPv6 form
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        mapped[12] = 127;
        mapped[15] = 1;
        assertThat(SpecialAddresses.kind(Inet6Address.getByAddress(null, mapped, -1)), is(Optional.of("loopback")));
        assertRefused("::ffff:10.0.0.1", "private");
        assertRefused("::ffff:0:a9fe:a9fe", "link-local");    // IPv4-translated 169.254.169.254
        assertRefused("::a00:1", "private");                  // IPv4-compatible 10.0.0.1
        assertRefused("::7f00:1", "loopback");                // IPv4-compatible 127.0.0.1
        assertThat(refusal("http://[::ffff:127.0.0.1]/").isPresent(), is(true));
    }

    @Test
    void aPrivateAnswerAndNoAnswerAreRefusedAlikeSoInternalNamesCannotBeMapped() {
        String privateName = refusal("https://internal.corp/").orElseThrow();
        String unknownName = refusal("https://nowhere.invalid/").orElseThrow();
        assertThat(privateName, containsString("public internet addresses"));
        assertThat(privateName.replace("internal.corp", "X"), is(unknownName.replace("nowhere.invalid", "X")));
        assertThat(refusal("https://sneaky.example.com/").orElseThrow(), containsString("public internet addresses"));
        assertThat(refusal("http://metadata.cloud/").isPresent(), is(true));
    }

    @Test
    void oneHostileAddressAmongManyRefusesTheHost() {
        DestinationPolicy policy = new DestinationPolicy(false, host -> new InetAddress[] {
                InetAddress.getByName("93.184.216.34"), InetAddress.getByName("10.0.0.1")});
        assertThat(policy.refusal(URI.create("https://mixed.example.com/")).isPresent(), is(true));
    }

    @Test
    void vettingResolvesOnceAndNamesTheAddressToConnectTo() throws Exception {
        AtomicInteger lookups = new AtomicInteger();
        DestinationPolicy policy = new DestinationPolicy(false, host -> {
            lookups.incrementAndGet();
            return new InetAddress[] {InetAddress.getByName("93.184.216.34")};
        });
        DestinationPolicy.Destination destination = policy.vet(URI.create("https://hooks.example.com/okr"));
        assertThat(lookups.get(), is(1));
        assertThat(destination.address(), is(InetAddress.getByName("93.184.216.34")));
        assertThat(destination.host(), is("hooks.example.com"));
        assertThat(destination.port(), is(443));
        assertThat(destination.publicAddress(), is(true));
    }

    @Test
    void configurationCanAllowPrivateAddresses() throws Exception {
        DestinationPolicy allowingPrivate = new DestinationPolicy(true, DestinationPolicyTest::resolve);
        assertThat(allowingPrivate.refusal(DestinationPolicy.parse("http://127.0.0.1:9/x")), is(Optional.empty()));
        DestinationPolicy.Destination internal = allowingPrivate.vet(DestinationPolicy.parse("http://internal.corp/x"));
        assertThat(internal.address(), is(InetAddress.getByName("10.1.2.3")));
        assertThat(internal.publicAddress(), is(false));
        // subscribing looks nothing up; an attempt does, and names the reason
        assertThat(new DestinationPolicy(true, host -> {
            throw new AssertionError("no lookup when subscribing where private addresses are allowed");
        }).refusal(DestinationPolicy.parse("http://nowhere.invalid/")), is(Optional.empty()));
        assertThat(allowingPrivate.vet(DestinationPolicy.parse("http://nowhere.invalid/")).refusal(),
                containsString("does not resolve"));
    }

    @Test
    void onlyAbsoluteHttpUrlsParse() {
        for (String bad : new String[] {"ftp://hooks.example.com/", "gopher://x/", "//hooks.example.com/x", "x y",
                "https:///nohost", "https://u:p@hooks.example.com/"}) {
            ProblemException e = assertThrows(ProblemException.class, () -> DestinationPolicy.parse(bad), bad);
            assertThat(e.errors().get(0).field(), is("url"));
        }
        assertThat(DestinationPolicy.parse(" HTTPS://hooks.example.com/a?b=c ").getHost(), is("hooks.example.com"));
    }
}
