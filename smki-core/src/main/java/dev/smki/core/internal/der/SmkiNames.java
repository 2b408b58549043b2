package dev.smki.core.internal.der;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;

/**
 * Builds SMKI distinguished names with the string types observed in DCC certificates (certificates.md §2.3,
 * §2.5, §6): CA names in PrintableString, Organisation subjects in UTF8String with the EUI-64 as a 64-bit
 * x500UniqueIdentifier BIT STRING, each attribute in its own RDN.
 */
public final class SmkiNames {

    private SmkiNames() {}

    /** Returns an OCA name {@code OU=<ou>, CN=<cn>}, both PrintableString, OU first. */
    public static X500Name ocaName(String ou, String cn) {
        return new X500Name(new RDN[] {rdn(BCStyle.OU, printable(ou)), rdn(BCStyle.CN, printable(cn))});
    }

    /** Returns a DCA name: a single {@code CN} RDN in PrintableString. */
    public static X500Name dcaName(String cn) {
        return new X500Name(new RDN[] {rdn(BCStyle.CN, printable(cn))});
    }

    /**
     * Returns an Organisation Certificate subject: an optional UTF8String {@code CN}, the UTF8String {@code OU}
     * and the x500UniqueIdentifier BIT STRING of the 8 {@code eui64} octets, in that order.
     *
     * @param commonName the CN, or {@code null} for none (most observed certificates have none)
     */
    public static X500Name organisationName(String commonName, String ou, byte[] eui64) {
        Objects.requireNonNull(ou, "ou");
        Objects.requireNonNull(eui64, "eui64");
        List<RDN> rdns = new ArrayList<>(3);
        if (commonName != null) {
            rdns.add(rdn(BCStyle.CN, new DERUTF8String(commonName)));
        }
        rdns.add(rdn(BCStyle.OU, new DERUTF8String(ou)));
        rdns.add(rdn(BCStyle.UNIQUE_IDENTIFIER, new DERBitString(eui64)));
        return new X500Name(rdns.toArray(RDN[]::new));
    }

    /** Returns the empty Name, DER {@code 30 00}, the subject of every Device Certificate (CERT-40). */
    public static X500Name empty() {
        return new X500Name(new RDN[0]);
    }

    /** Returns whether {@code text} can be written as an ASN.1 PrintableString. */
    public static boolean isPrintable(String text) {
        return text != null && DERPrintableString.isPrintableString(text);
    }

    private static DERPrintableString printable(String text) {
        Objects.requireNonNull(text, "text");
        if (!isPrintable(text)) {
            throw new IllegalArgumentException("Not a PrintableString: '" + text + "'");
        }
        return new DERPrintableString(text);
    }

    private static RDN rdn(org.bouncycastle.asn1.ASN1ObjectIdentifier type, ASN1Encodable value) {
        return new RDN(new AttributeTypeAndValue(type, value));
    }
}
