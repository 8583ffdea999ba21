package org.okrpm.okr.webhook;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.okrpm.kit.problem.ProblemException;

/** The server-side request forgery rule of the production profile, on literal addresses and a fake DNS. */
class DestinationPolicyTest {

    /** A DNS that knows a few names; literal IPs are parsed without any lookup. */
    private static final Map<String, String> DNS = Map.of(
            "hooks.example.com", "93.184.216.34",
            "internal.corp", "10.1.2.3",
            "metadata.cloud", "169.254.169.254",
            "sneaky.example.com", "127.0.0.1");

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
    private final DestinationPolicy allowingPrivate = new DestinationPolicy(true, host -> {
        throw new AssertionError("no lookup when private addresses are allowed");
    });

    private Optional<String> refusal(String url) {
        return production.refusal(DestinationPolicy.parse(url));
    }

    @Test
    void publicAddressesAreAllowed() {
        assertThat(refusal("https://hooks.example.com/okr"), is(Optional.empty()));
        assertThat(refusal("http://8.8.8.8:8080/x"), is(Optional.empty()));
        assertThat(refusal("https://[2606:4700:4700::1111]/x"), is(Optional.empty()));
    }

    @Test
    void loopbackIsRefused() {
        assertThat(refusal("http://127.0.0.1:8081/api").orElseThrow(), containsString("loopback"));
        assertThat(refusal("http://127.8.9.10/").orElseThrow(), containsString("loopback"));
        assertThat(refusal("http://[::1]/").orElseThrow(), containsString("loopback"));
        assertThat(refusal("http://[::ffff:127.0.0.1]/").orElseThrow(), containsString("loopback"));
        // a public-looking name that resolves to loopback
        assertThat(refusal("https://sneaky.example.com/").orElseThrow(), containsString("loopback"));
    }

    @Test
    void privateAndSharedAddressesAreRefused() {
        for (String ip : new String[] {"10.0.0.1", "172.16.5.4", "172.31.255.255", "192.168.1.10", "100.64.0.1"}) {
            assertThat(ip, refusal("http://" + ip + "/").orElseThrow(), containsString("private"));
        }
        assertThat(refusal("https://internal.corp/").orElseThrow(), containsString("private"));
        assertThat(refusal("http://[fd12:3456:789a::1]/").orElseThrow(), containsString("unique-local"));
    }

    @Test
    void linkLocalAndOtherNonPublicAddressesAreRefused() {
        assertThat(refusal("http://169.254.169.254/latest/meta-data").orElseThrow(), containsString("link-local"));
        assertThat(refusal("http://metadata.cloud/").orElseThrow(), containsString("link-local"));
        assertThat(refusal("http://[fe80::1]/").orElseThrow(), containsString("link-local"));
        assertThat(refusal("http://0.0.0.0/").orElseThrow(), containsString("unspecified"));
        assertThat(refusal("http://224.0.0.1/").orElseThrow(), containsString("multicast"));
    }

    @Test
    void aHostThatDoesNotResolveIsRefused() {
        assertThat(refusal("https://nowhere.invalid/").orElseThrow(), containsString("does not resolve"));
    }

    @Test
    void configurationCanAllowPrivateAddresses() {
        assertThat(allowingPrivate.refusal(DestinationPolicy.parse("http://127.0.0.1:9/x")), is(Optional.empty()));
        assertThat(allowingPrivate.refusal(DestinationPolicy.parse("http://10.0.0.1/x")), is(Optional.empty()));
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
