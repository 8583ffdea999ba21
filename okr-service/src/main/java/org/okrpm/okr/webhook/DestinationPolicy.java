package org.okrpm.okr.webhook;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import org.okrpm.kit.problem.ProblemException;

/**
 * Where webhooks may be sent. Every URL must be an absolute http(s) URL (else 400). Unless private
 * addresses are allowed (local, dev and test profiles), a URL whose host resolves to a loopback,
 * unspecified, link-local, private (site-local, carrier-grade NAT), unique-local or multicast address is
 * refused — server-side request forgery into our own network. Checked when subscribing (422) and again
 * before every attempt, since DNS answers change.
 */
@Singleton
public class DestinationPolicy {

    /** DNS lookup, replaceable in unit tests. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final boolean allowPrivate;
    private final Resolver resolver;

    @Inject
    public DestinationPolicy(WebhooksConfig config) {
        this(config.allowPrivateAddresses(), InetAddress::getAllByName);
    }

    public DestinationPolicy(boolean allowPrivate, Resolver resolver) {
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
    }

    /** The URL as a URI, or a 400 naming the field {@code url}. */
    public static URI parse(String url) {
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw ProblemException.invalid("url", "must be an absolute http or https URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw ProblemException.invalid("url", "must be an absolute http or https URL");
        }
        if (uri.getRawUserInfo() != null) {
            throw ProblemException.invalid("url", "must not contain user credentials");
        }
        if (uri.getRawFragment() != null) {
            throw ProblemException.invalid("url", "must not contain a fragment");
        }
        return uri;
    }

    /** Why this destination may not be used, or empty when it may. */
    public Optional<String> refusal(URI uri) {
        if (allowPrivate) {
            return Optional.empty();
        }
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            return Optional.of("the host " + host + " does not resolve");
        }
        if (addresses == null || addresses.length == 0) {
            return Optional.of("the host " + host + " does not resolve");
        }
        for (InetAddress address : addresses) {
            Optional<String> kind = nonPublicKind(address);
            if (kind.isPresent()) {
                return Optional.of("the host " + host + " resolves to a " + kind.get()
                        + " address, which webhooks may not reach");
            }
        }
        return Optional.empty();
    }

    /** The kind of a non-public address (loopback, private, …), or empty for a public one. */
    static Optional<String> nonPublicKind(InetAddress address) {
        if (address.isAnyLocalAddress()) {
            return Optional.of("unspecified");
        }
        if (address.isLoopbackAddress()) {
            return Optional.of("loopback");
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of("link-local");
        }
        if (address.isSiteLocalAddress()) {
            return Optional.of("private");
        }
        if (address.isMulticastAddress()) {
            return Optional.of("multicast");
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            if (first == 0) {
                return Optional.of("unspecified");
            }
            if (first == 100 && second >= 64 && second <= 127) {
                return Optional.of("private"); // 100.64.0.0/10, carrier-grade NAT
            }
            if (first >= 240) {
                return Optional.of("reserved");
            }
        }
        if (address instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return Optional.of("unique-local"); // fc00::/7
            }
            if (isIpv4Compatible(b)) {
                try {
                    return nonPublicKind(InetAddress.getByAddress(java.util.Arrays.copyOfRange(b, 12, 16)));
                } catch (UnknownHostException e) {
                    return Optional.of("reserved");
                }
            }
        }
        return Optional.empty();
    }

    /** ::a.b.c.d (deprecated IPv4-compatible form; ::ffff:a.b.c.d already comes back as IPv4 from Java). */
    private static boolean isIpv4Compatible(byte[] b) {
        for (int i = 0; i < 12; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
