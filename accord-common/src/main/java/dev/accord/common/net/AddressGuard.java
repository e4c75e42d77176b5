package dev.accord.common.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * Refuses outbound requests to addresses inside the operator's network (SSRF): loopback,
 * link-local (incl. cloud metadata), RFC 1918, CGNAT, unspecified, multicast, IPv6 unique-local and
 * IPv4-mapped forms of all of those. The check runs on resolved addresses, so a public name that
 * resolves inward is refused too. Hosts on the allow-list (operators, tests) pass.
 *
 * <p>Before any resolution, names that are local by definition ({@code localhost}, {@code *.localhost})
 * and numeric hosts in any form but the canonical dotted quad ({@code 2130706433}, {@code 0177.0.0.1},
 * {@code 0x7f.1}) are refused: resolvers disagree on what those mean, so the address the guard checks
 * might not be the one a client connects to.
 */
public final class AddressGuard {

    /** Hosts made only of digits, dots and hex numbers: IPv4 in one of its many spellings. */
    private static final java.util.regex.Pattern NUMERIC_HOST =
            java.util.regex.Pattern.compile("(0x[0-9a-f]*|[0-9]+)(\\.(0x[0-9a-f]*|[0-9]*))*");
    private static final java.util.regex.Pattern CANONICAL_IPV4 =
            java.util.regex.Pattern.compile("((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])");

    /** Name resolution; the system's by default, a scripted one in tests of what a resolver may answer. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final List<String> allowedHosts;
    private final Resolver resolver;

    public AddressGuard(List<String> allowedHosts) {
        this(allowedHosts, InetAddress::getAllByName);
    }

    public AddressGuard(List<String> allowedHosts, Resolver resolver) {
        this.allowedHosts = allowedHosts.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        this.resolver = resolver;
    }

    /** Throws {@link BlockedAddressException} unless {@code uri} is http(s) and every address of its host is public. */
    public void check(URI uri) {
        checkedAddress(uri);
    }

    /**
     * The address to connect to for {@code uri}, resolved once and checked: a client that connects to it, and not
     * to whatever a second lookup answers, cannot be turned inward by a name that rebinds between check and
     * connection (DNS rebinding). Throws {@link BlockedAddressException} as {@link #check} does.
     */
    public InetAddress checkedAddress(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new BlockedAddressException("only http and https URLs are allowed");
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            throw new BlockedAddressException("the URL has no host");
        }
        String name = host.toLowerCase(Locale.ROOT);
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        boolean allowed = allowedHosts.contains("*") || allowedHosts.contains(name);
        if (!allowed) {
            refuseLocalNames(host, name);
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new BlockedAddressException("host " + host + " does not resolve");
        }
        if (addresses.length == 0) {
            throw new BlockedAddressException("host " + host + " does not resolve");
        }
        if (!allowed) {
            for (InetAddress address : addresses) {
                if (isInternal(address)) {
                    throw new BlockedAddressException("host " + host + " resolves to a non-public address");
                }
            }
        }
        return addresses[0];
    }

    private static void refuseLocalNames(String host, String name) {
        if (name.equals("localhost") || name.endsWith(".localhost")) {
            throw new BlockedAddressException("host " + host + " is local by definition");
        }
        if (NUMERIC_HOST.matcher(name).matches() && !CANONICAL_IPV4.matcher(name).matches()) {
            throw new BlockedAddressException("host " + host + " is a numeric address in a non-canonical form");
        }
    }

    public static boolean isInternal(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return isInternalV4(b);
        }
        if (address instanceof Inet6Address) {
            boolean uniqueLocal = (b[0] & 0xfe) == 0xfc; // fc00::/7
            boolean mappedOrCompatible = isZero(b, 0, 10) && ((b[10] == (byte) 0xff && b[11] == (byte) 0xff)
                    || (b[10] == 0 && b[11] == 0));
            boolean nat64 = b[0] == 0x00 && b[1] == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b && isZero(b, 4, 12);
            if (mappedOrCompatible || nat64) {
                return isInternalV4(new byte[] {b[12], b[13], b[14], b[15]});
            }
            boolean sixToFour = b[0] == 0x20 && b[1] == 0x02; // 2002::/16 carries an IPv4 address in bytes 2-5
            if (sixToFour) {
                return isInternalV4(new byte[] {b[2], b[3], b[4], b[5]});
            }
            boolean teredo = b[0] == 0x20 && b[1] == 0x01 && b[2] == 0 && b[3] == 0; // 2001::/32 tunnels to anywhere
            return uniqueLocal || teredo;
        }
        return true;
    }

    private static boolean isInternalV4(byte[] b) {
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        return first == 0 || first == 10 || first == 127
                || (first == 169 && second == 254)
                || (first == 172 && second >= 16 && second <= 31)
                || (first == 192 && second == 168)
                || (first == 100 && second >= 64 && second <= 127) // CGNAT 100.64/10
                || (first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments 192.0.0/24
                || (first == 198 && (second == 18 || second == 19)) // benchmarking 198.18/15
                || first >= 224;
    }

    private static boolean isZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** The URL points somewhere Accord may not call. */
    public static final class BlockedAddressException extends RuntimeException {
        public BlockedAddressException(String message) {
            super(message);
        }
    }
}
