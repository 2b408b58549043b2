package dev.smki.core.revocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smki.core.identity.RemotePartyRole;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequesterTests {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "aro:supplier",
                "aro:Alice Smith@Acme Energy",
                "dcc",
                "smki-pma",
                "pma-member:Pat",
                "ra-manager:Mo",
                "ra-personnel:Rita",
                "other:a journalist"
            })
    void theTextFormReadsBackToTheSameRequester(String text) {
        Requester requester = Requester.parse(text);
        assertThat(requester.toString()).isEqualTo(text);
        assertThat(Requester.parse(requester.toString())).isEqualTo(requester);
    }

    @Test
    void anAroActsForItsParty() {
        Requester aro = Requester.parse("aro:Alice@supplier");
        assertThat(aro)
                .isEqualTo(new Requester(
                        RequesterKind.AUTHORISED_RESPONSIBLE_OFFICER, "Alice", Optional.of(Subscriber.of("supplier"))));
        assertThat(aro.actsFor(Subscriber.of("supplier"))).isTrue();
        assertThat(aro.actsFor(Subscriber.of("network-operator"))).isFalse();
        assertThat(Requester.dcc().actsFor(Subscriber.of("supplier"))).isFalse();
        assertThat(Requester.parse(" PMA ")).isEqualTo(Requester.smkiPma());
    }

    @Test
    void anAroOfARoleActsForThePartyNamedAfterIt() {
        Requester aro = Requester.aroOf(RemotePartyRole.NETWORK_OPERATOR);

        assertThat(aro).isEqualTo(Requester.aroOf("network-operator"));
        assertThat(aro.toString()).isEqualTo("aro:network-operator");
        assertThat(aro.actsFor(Subscriber.ofRole(RemotePartyRole.NETWORK_OPERATOR)))
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "aro:", "aro:Alice@", "dcc:someone", "pma-member", "regulator:Ofgem", "other:"})
    void malformedTextIsRefusedNamingIt(String text) {
        assertThatThrownBy(() -> Requester.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + text + "'");
    }

    @Test
    void onlyAnAroActsForAParty() {
        assertThatThrownBy(() -> new Requester(RequesterKind.DCC, "DCC", Optional.of(Subscriber.of("supplier"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Requester(RequesterKind.AUTHORISED_RESPONSIBLE_OFFICER, "Al", Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Requester.of(RequesterKind.DCC, "someone"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
