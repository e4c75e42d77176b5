package dev.accord.common.net;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The SSRF guard as production configures it: no host allowed beyond the public internet. */
class AddressGuardTest {

    private final AddressGuard prodLike = new AddressGuard(List.of());

    @ParameterizedTest
    @ValueSource(strings = {
        "http://127.0.0.1/", "http://127.1.2.3:8080/x", "http://[::1]/", "http://169.254.169.254/latest/meta-data/",
        "http://10.0.0.1/", "http://10.255.255.255/", "http://172.16.0.1/", "http://172.31.255.255/", "http://192.168.1.1/",
        "http://100.64.0.1/", "http://100.127.255.255/", "http://0.0.0.0/", "http://[fc00::1]/", "http://[fd12:3456::1]/",
        "http://[fe80::1]/", "http://[::ffff:127.0.0.1]/", "http://[::ffff:7f00:1]/", "http://[::ffff:169.254.169.254]/",
        "http://[::127.0.0.1]/", "http://[64:ff9b::7f00:1]/", "http://[2002:7f00:1::]/", "http://[2001:0:4136:e378::1]/",
        "http://2130706433/", "http://0177.0.0.1/", "http://0x7f.1/", "http://0x7f000001/", "http://127.1/", "http://017700000001/",
        "http://localhost/", "http://LOCALHOST:8083/", "http://localhost./", "http://api.localhost/", "http://a.b.localhost/",
        "http://user:pw@127.0.0.1/", "http://198.18.0.1/", "http://192.0.0.170/", "http://224.0.0.1/", "http://255.255.255.255/",
        "ftp://example.com/", "file:///etc/passwd", "gopher://example.com/", "http:///nohost", "http://no-such-host.invalid/"})
    void refusesInwardAndAmbiguousTargets(String url) {
        assertThatThrownBy(() -> prodLike.check(URI.create(url))).isInstanceOf(AddressGuard.BlockedAddressException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://93.184.216.34/", "https://8.8.8.8/dns", "http://[2606:4700:4700::1111]/", "http://1.1.1.1:8080/"})
    void letsPublicAddressesThrough(String url) {
        assertThatCode(() -> prodLike.check(URI.create(url))).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:9/hook", "http://localhost:9/hook"})
    void anOperatorMayAllowLoopbackByName(String url) {
        assertThatCode(() -> new AddressGuard(List.of("127.0.0.1", "localhost")).check(URI.create(url))).doesNotThrowAnyException();
        assertThatThrownBy(() -> new AddressGuard(List.of("127.0.0.1")).check(URI.create("http://127.0.0.2/")))
                .isInstanceOf(AddressGuard.BlockedAddressException.class);
    }

    @Property(tries = 500)
    void everyAddressOfTheBlockedRangesIsRefusedInEveryNotation(@ForAll("inward") int[] address) {
        String dotted = address[0] + "." + address[1] + "." + address[2] + "." + address[3];
        long number = ((long) address[0] << 24) | ((long) address[1] << 16) | ((long) address[2] << 8) | address[3];
        for (String host : List.of(dotted, Long.toString(number), "0x" + Long.toHexString(number), "[::ffff:" + dotted + "]",
                "0" + Integer.toOctalString(address[0]) + "." + address[1] + "." + address[2] + "." + address[3])) {
            assertThatThrownBy(() -> prodLike.check(URI.create("http://" + host + "/"))).as(host)
                    .isInstanceOf(AddressGuard.BlockedAddressException.class);
        }
    }

    @Provide
    Arbitrary<int[]> inward() {
        Arbitrary<Integer> octet = Arbitraries.integers().between(0, 255);
        return Arbitraries.oneOf(
                Combinators.combine(Arbitraries.just(127), octet, octet, octet).as(AddressGuardTest::ip),
                Combinators.combine(Arbitraries.just(10), octet, octet, octet).as(AddressGuardTest::ip),
                Combinators.combine(Arbitraries.just(172), Arbitraries.integers().between(16, 31), octet, octet).as(AddressGuardTest::ip),
                Combinators.combine(Arbitraries.just(192), Arbitraries.just(168), octet, octet).as(AddressGuardTest::ip),
                Combinators.combine(Arbitraries.just(169), Arbitraries.just(254), octet, octet).as(AddressGuardTest::ip),
                Combinators.combine(Arbitraries.just(100), Arbitraries.integers().between(64, 127), octet, octet).as(AddressGuardTest::ip));
    }

    private static int[] ip(int a, int b, int c, int d) {
        return new int[] {a, b, c, d};
    }
}
