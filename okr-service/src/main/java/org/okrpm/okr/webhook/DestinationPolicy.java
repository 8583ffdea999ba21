package org.okrpm.okr.webhook;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import org.okrpm.kit.problem.ProblemException;

/**
 * Where webhooks may be sent. Every URL must be an absolute http(s) URL (else 400). Its host is resolved
 * <em>once</em> per subscription check and per attempt, and the attempt connects to exactly the address vetted
 * here ({@link Destination#address()}), never resolving the name again: a DNS answer that changes between the
 * check and the connection (rebinding) cannot steer a delivery into our network.
 * <p>
 * Unless private addresses are allowed (local, dev and test profiles), a host with any address that is not
 * globally reachable ({@link SpecialAddresses}) is refused — server-side request forgery. The reason given to
 * the caller is the same whether the host resolves to a private address or does not resolve at all, so the
 * check cannot be used to map internal DNS names.
 */
@Singleton
public class DestinationPolicy {

    /** DNS lookup, replaceable in tests. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /**
     * The outcome of vetting a URL: the address to connect to, or why not.
     *
     * @param uri     the URL as given (its host goes into the Host header and TLS SNI)
     * @param address the vetted address to connect to; null when refused
     * @param refusal the reason for the caller, null when allowed
     * @param publicAddress whether the address is globally reachable (attempts to other addresses log no detail)
     */
    public record Destination(URI uri, InetAddress address, String refusal, boolean publicAddress) {

        boolean refused() {
            return refusal != null;
        }

        /** The host as in the URL, without the brackets of an IPv6 literal. */
        String host() {
            return bare(uri.getHost());
        }

        int port() {
            if (uri.getPort() != -1) {
                return uri.getPort();
            }
            return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        }
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

    /** Whether non-public addresses are allowed (local, dev and test profiles). */
    public boolean allowsPrivate() {
        return allowPrivate;
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

    /**
     * Why this destination may not be subscribed to, or empty when it may (one DNS lookup). Where private
     * addresses are allowed nothing is looked up: a name that does not resolve yet fails its attempts instead.
     */
    public Optional<String> refusal(URI uri) {
        return allowPrivate ? Optional.empty() : Optional.ofNullable(vet(uri).refusal());
    }

    /** Resolves the host once and decides; the address returned is the one to connect to. */
    public Destination vet(URI uri) {
        String host = bare(uri.getHost());
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            addresses = null;
        }
        if (addresses == null || addresses.length == 0) {
            return new Destination(uri, null, allowPrivate ? "the host " + host + " does not resolve"
                    : notPublic(host), false);
        }
        boolean allPublic = true;
        for (InetAddress address : addresses) {
            allPublic &= SpecialAddresses.kind(address).isEmpty();
        }
        if (!allPublic && !allowPrivate) {
            // every address must be public: a client may pick any of them, and an attacker controls the order
            return new Destination(uri, null, notPublic(host), false);
        }
        return new Destination(uri, addresses[0], null, SpecialAddresses.kind(addresses[0]).isEmpty());
    }

    /** One reason for "private" and "does not resolve" alike: the answer must not reveal internal DNS names. */
    private static String notPublic(String host) {
        return "webhooks may only be sent to public internet addresses, and " + host
                + " does not resolve to one";
    }

    private static String bare(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
