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
 */
public final class AddressGuard {

    private final List<String> allowedHosts;

    public AddressGuard(List<String> allowedHosts) {
        this.allowedHosts = allowedHosts.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
    }

    /** Throws {@link BlockedAddressException} unless {@code uri} is http(s) and every address of its host is public. */
    public void check(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new BlockedAddressException("only http and https URLs are allowed");
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            throw new BlockedAddressException("the URL has no host");
        }
        if (allowedHosts.contains("*") || allowedHosts.contains(host.toLowerCase(Locale.ROOT))) {
            return;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new BlockedAddressException("host " + host + " does not resolve");
        }
        for (InetAddress address : addresses) {
            if (isInternal(address)) {
                throw new BlockedAddressException("host " + host + " resolves to a non-public address");
            }
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
            if (mappedOrCompatible) {
                return isInternalV4(new byte[] {b[12], b[13], b[14], b[15]});
            }
            return uniqueLocal;
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
