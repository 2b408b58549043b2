package dev.smki.recovery.fleet;

import dev.smki.core.device.Authoriser;
import dev.smki.core.device.Device;
import dev.smki.core.device.SignedCommand;
import dev.smki.core.device.UpdateSecurityCredentials;
import java.util.Objects;

/**
 * Builds and signs the one command a fleet execution sends to one Device. Called from the execution's worker
 * threads, at most once per Device (when an attempt reaches it), so it must be thread-safe; for a reproducible
 * execution it must return the same command for the same Device every time (signatures are deterministic, RFC
 * 6979, so signing the same body for the same Device does).
 *
 * <p>Sign with a key made ready once, before the execution: a PKI key
 * ({@code Authoriser.of(certificate.parsed(), SigningKey.of(certificate))}), the
 * contingency key ({@code pki.contingencyAuthoriser()}), or a key activated in custody, whose private key is read
 * once:
 *
 * <pre>{@code
 * Authoriser recovery = Authoriser.of(originator,
 *         SigningKey.of(new KeyPair(recoveryCertificate.publicKey(), activatedKey.privateKey())));
 * CommandFactory commands = CommandFactory.signing(body, recovery);
 * }</pre>
 */
@FunctionalInterface
public interface CommandFactory {

    /**
     * {@return the signed command for {@code device}; never null}
     *
     * @param device the Device
     */
    SignedCommand commandFor(Device device);

    /**
     * {@return whether every Device gets the same command from the same authoriser, signed for it: then what the
     * command does to a Device depends only on the Device's type and credentials, which lets an execution resumed
     * from its record restore what it did without sending it again} False unless the factory says so; true for
     * {@link #signing}.
     */
    default boolean isSameForEveryDevice() {
        return false;
    }

    /**
     * {@return a factory signing {@code command} with {@code authoriser}, addressed to each Device in turn}
     *
     * @param command the command
     * @param authoriser who authorises it
     */
    static CommandFactory signing(UpdateSecurityCredentials command, Authoriser authoriser) {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(authoriser, "authoriser");
        return new CommandFactory() {
            @Override
            public SignedCommand commandFor(Device device) {
                return command.sign(authoriser, device.eui64());
            }

            @Override
            public boolean isSameForEveryDevice() {
                return true;
            }

            @Override
            public String toString() {
                return "CommandFactory.signing(" + command + ")";
            }
        };
    }
}
