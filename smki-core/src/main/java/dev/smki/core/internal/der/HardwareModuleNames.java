package dev.smki.core.internal.der;

import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;

/**
 * Encodes and reads the Device Certificate subjectAltName: one otherName of type id-on-hardwareModuleName
 * (RFC 4108) holding {@code HardwareModuleName ::= SEQUENCE { hwType OBJECT IDENTIFIER, hwSerialNum OCTET
 * STRING }}, whose serial number is the Device's 8-octet EUI-64 (certificates.md §2.6, CERT-45 to CERT-47).
 */
public final class HardwareModuleNames {

    /** {@code id-on-hardwareModuleName}, 1.3.6.1.5.5.7.8.4 (RFC 4108). */
    public static final ASN1ObjectIdentifier ID_ON_HARDWARE_MODULE_NAME = new ASN1ObjectIdentifier("1.3.6.1.5.5.7.8.4");

    private HardwareModuleNames() {}

    /**
     * Returns the subjectAltName value naming the hardware module {@code hwSerialNum} of type {@code hwType}:
     * DER {@code 30 29 A0 27 06 08 2B06010505070804 A0 1B 30 19 06 .. <hwType> 04 08 <serial>} for an SMKI
     * hwType.
     */
    public static GeneralNames subjectAltName(ASN1ObjectIdentifier hwType, byte[] hwSerialNum) {
        Objects.requireNonNull(hwType, "hwType");
        Objects.requireNonNull(hwSerialNum, "hwSerialNum");
        DERSequence hardwareModuleName = new DERSequence(new ASN1Encodable[] {hwType, new DEROctetString(hwSerialNum)});
        DERSequence otherName = new DERSequence(
                new ASN1Encodable[] {ID_ON_HARDWARE_MODULE_NAME, new DERTaggedObject(true, 0, hardwareModuleName)});
        return new GeneralNames(new GeneralName(GeneralName.otherName, otherName));
    }

    /**
     * Returns the hwSerialNum of the first hardware module name in {@code names}, or empty when there is none
     * or it is malformed.
     */
    public static Optional<byte[]> hwSerialNum(GeneralNames names) {
        Objects.requireNonNull(names, "names");
        for (GeneralName name : names.getNames()) {
            if (name.getTagNo() != GeneralName.otherName) {
                continue;
            }
            try {
                ASN1Sequence otherName = ASN1Sequence.getInstance(name.getName());
                if (!ID_ON_HARDWARE_MODULE_NAME.equals(otherName.getObjectAt(0))) {
                    continue;
                }
                ASN1Sequence hmn = ASN1Sequence.getInstance(
                        ASN1TaggedObject.getInstance(otherName.getObjectAt(1)).getExplicitBaseObject());
                return Optional.of(
                        ASN1OctetString.getInstance(hmn.getObjectAt(1)).getOctets());
            } catch (IllegalArgumentException | IllegalStateException | ArrayIndexOutOfBoundsException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
