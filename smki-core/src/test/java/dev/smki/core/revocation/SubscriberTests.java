package dev.smki.core.revocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smki.core.identity.Eui64;
import dev.smki.core.identity.RemotePartyRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SubscriberTests {

    @Test
    void theTestPkisPartiesAreNamedAfterTheirRoleAndADeviceAfterItsEui64() {
        assertThat(Subscriber.ofRole(RemotePartyRole.SUPPLIER)).isEqualTo(Subscriber.of("supplier"));
        assertThat(Subscriber.ofRole(RemotePartyRole.NETWORK_OPERATOR).name()).isEqualTo("network-operator");
        Eui64 meter = Eui64.parse("00-DB-12-34-56-78-90-A0");
        assertThat(Subscriber.ofDevice(meter).name()).isEqualTo(meter.toString());
        assertThat(Subscriber.DCC.name()).isEqualTo("DCC");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "two\nlines", "a\ttab", "carriage\rreturn"})
    void refusesANameThatIsBlankSpansLinesOrHoldsATab(String name) {
        assertThatThrownBy(() -> Subscriber.of(name))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("A Subscriber has a non-blank single-line name without tabs");
    }

    @Test
    void subscribersAreOrderedByName() {
        assertThat(Subscriber.of("b").compareTo(Subscriber.of("a"))).isPositive();
        assertThat(Subscriber.of("supplier").compareTo(Subscriber.ofRole(RemotePartyRole.SUPPLIER)))
                .isZero();
    }

    @Test
    void aSolrEventIdIsOneLineWithoutSurroundingSpaces() {
        assertThat(SolrEventId.of("SOLR-2026-01").toString()).isEqualTo("SOLR-2026-01");
        for (String bad : new String[] {"", " SOLR-1", "SOLR-1 ", "SOLR\n1"}) {
            assertThatThrownBy(() -> SolrEventId.of(bad))
                    .as("'%s'", bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("A SoLR event id is one line without surrounding spaces");
        }
    }
}
