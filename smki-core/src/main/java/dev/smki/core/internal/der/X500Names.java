package dev.smki.core.internal.der;

import dev.smki.core.identity.Eui64;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1BMPString;
import org.bouncycastle.asn1.ASN1BitString;
import org.bouncycastle.asn1.ASN1Boolean;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1GeneralString;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Null;
import org.bouncycastle.asn1.ASN1NumericString;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1PrintableString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.ASN1T61String;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.ASN1UTCTime;
import org.bouncycastle.asn1.ASN1UTF8String;
import org.bouncycastle.asn1.ASN1UniversalString;
import org.bouncycastle.asn1.ASN1VisibleString;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;

/**
 * Reads the attributes SMKI names use: OU (Remote Party Role), CN and x500UniqueIdentifier; the reading side of
 * {@link SmkiNames}.
 */
public final class X500Names {

    public static final ASN1ObjectIdentifier OU = BCStyle.OU;
    public static final ASN1ObjectIdentifier CN = BCStyle.CN;
    public static final ASN1ObjectIdentifier UNIQUE_IDENTIFIER = BCStyle.UNIQUE_IDENTIFIER;

    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    /** The ASN.1 names of the types a name attribute may hold, by Bouncy Castle class, most specific first. */
    private static final Map<Class<?>, String> TYPE_NAMES = typeNames();

    private X500Names() {}

    /** Returns every attribute of {@code name}, RDN by RDN. */
    public static List<AttributeTypeAndValue> attributes(X500Name name) {
        RDN[] rdns = name.getRDNs();
        List<AttributeTypeAndValue> all = new ArrayList<>(rdns.length);
        for (RDN rdn : rdns) {
            for (AttributeTypeAndValue atv : rdn.getTypesAndValues()) {
                all.add(atv);
            }
        }
        return all;
    }

    /** Returns whether every RDN of {@code name} holds exactly one attribute. */
    public static boolean isSingleValued(X500Name name) {
        for (RDN rdn : name.getRDNs()) {
            if (rdn.isMultiValued()) {
                return false;
            }
        }
        return true;
    }

    /** Returns how many attributes of {@code type} {@code name} holds. */
    public static int count(X500Name name, ASN1ObjectIdentifier type) {
        int n = 0;
        for (RDN rdn : name.getRDNs()) {
            for (AttributeTypeAndValue atv : rdn.getTypesAndValues()) {
                if (atv.getType().equals(type)) {
                    n++;
                }
            }
        }
        return n;
    }

    /** Returns the string value of the only attribute of {@code type}, or null when there is not exactly one. */
    public static String single(X500Name name, ASN1ObjectIdentifier type) {
        String found = null;
        for (RDN rdn : name.getRDNs()) {
            for (AttributeTypeAndValue atv : rdn.getTypesAndValues()) {
                if (atv.getType().equals(type)) {
                    if (found != null) {
                        return null;
                    }
                    found = string(atv.getValue());
                    if (found == null) {
                        return null;
                    }
                }
            }
        }
        return found;
    }

    /**
     * Returns the first x500UniqueIdentifier of {@code name} that is a 64-bit BIT STRING with no unused bits, as
     * the EUI-64 it holds, or null when there is none.
     */
    public static Eui64 uniqueIdentifier(X500Name name) {
        for (RDN rdn : name.getRDNs()) {
            for (AttributeTypeAndValue atv : rdn.getTypesAndValues()) {
                if (UNIQUE_IDENTIFIER.equals(atv.getType())
                        && atv.getValue() instanceof ASN1BitString bits
                        && bits.getPadBits() == 0
                        && bits.getOctets().length == 8) {
                    return Eui64.fromOctets(bits.getOctets());
                }
            }
        }
        return null;
    }

    /** Returns whether {@code name} has exactly one OU, with the text {@code ou}. */
    public static boolean hasOu(X500Name name, String ou) {
        return ou.equals(single(name, OU));
    }

    /** Returns whether {@code name} is a single RDN holding only a CN, as Issuing DCA names are. */
    public static boolean isCnOnly(X500Name name) {
        RDN[] rdns = name.getRDNs();
        return rdns.length == 1
                && !rdns[0].isMultiValued()
                && rdns[0].getFirst().getType().equals(CN);
    }

    /** Returns the text of a directory string, or null when the value is not a string (a BIT STRING is not). */
    public static String string(ASN1Encodable value) {
        return value instanceof ASN1String s && !(value instanceof ASN1BitString) ? s.getString() : null;
    }

    /** Returns the ASN.1 type of a value by its ASN.1 name, such as {@code UTF8String} or {@code SEQUENCE}. */
    public static String stringType(ASN1Encodable value) {
        ASN1Primitive p = value.toASN1Primitive();
        for (Map.Entry<Class<?>, String> type : TYPE_NAMES.entrySet()) {
            if (type.getKey().isInstance(p)) {
                return type.getValue();
            }
        }
        return "a value of another ASN.1 type";
    }

    private static Map<Class<?>, String> typeNames() {
        Map<Class<?>, String> names = new LinkedHashMap<>();
        names.put(ASN1UTF8String.class, "UTF8String");
        names.put(ASN1PrintableString.class, "PrintableString");
        names.put(ASN1T61String.class, "TeletexString");
        names.put(ASN1IA5String.class, "IA5String");
        names.put(ASN1VisibleString.class, "VisibleString");
        names.put(ASN1UniversalString.class, "UniversalString");
        names.put(ASN1BMPString.class, "BMPString");
        names.put(ASN1NumericString.class, "NumericString");
        names.put(ASN1GeneralString.class, "GeneralString");
        names.put(ASN1BitString.class, "BIT STRING");
        names.put(ASN1OctetString.class, "OCTET STRING");
        names.put(ASN1Integer.class, "INTEGER");
        names.put(ASN1ObjectIdentifier.class, "OBJECT IDENTIFIER");
        names.put(ASN1Boolean.class, "BOOLEAN");
        names.put(ASN1Null.class, "NULL");
        names.put(ASN1UTCTime.class, "UTCTime");
        names.put(ASN1GeneralizedTime.class, "GeneralizedTime");
        names.put(ASN1Sequence.class, "SEQUENCE");
        names.put(ASN1Set.class, "SET");
        names.put(ASN1TaggedObject.class, "a tagged value");
        return Collections.unmodifiableMap(names);
    }

    /** Returns the short name of an attribute type, such as {@code OU}, or its OID. */
    public static String typeName(ASN1ObjectIdentifier type) {
        if (type.equals(UNIQUE_IDENTIFIER)) {
            return "x500UniqueIdentifier";
        }
        String name = BCStyle.INSTANCE.oidToDisplayName(type);
        return name == null ? type.getId() : name;
    }

    /**
     * Returns {@code name} as text such as {@code OU=02,x500UniqueIdentifier=90-B3-D5-1F-30-01-00-00}, with a
     * 64-bit unique identifier written as an EUI-64; {@code (empty)} for the empty name.
     */
    public static String describe(X500Name name) {
        RDN[] rdns = name.getRDNs();
        if (rdns.length == 0) {
            return "(empty)";
        }
        StringBuilder text = new StringBuilder();
        for (RDN rdn : rdns) {
            AttributeTypeAndValue[] atvs = rdn.getTypesAndValues();
            for (int i = 0; i < atvs.length; i++) {
                if (text.length() > 0) {
                    text.append(i == 0 ? ',' : '+');
                }
                text.append(typeName(atvs[i].getType())).append('=').append(value(atvs[i].getValue()));
            }
        }
        return text.toString();
    }

    private static String value(ASN1Encodable value) {
        String s = string(value);
        if (s != null) {
            return s;
        }
        if (value instanceof ASN1BitString bits && bits.getPadBits() == 0 && bits.getOctets().length == 8) {
            return Eui64.fromOctets(bits.getOctets()).toString();
        }
        try {
            return "#" + HEX.formatHex(value.toASN1Primitive().getEncoded());
        } catch (IOException e) {
            return "?";
        }
    }
}
