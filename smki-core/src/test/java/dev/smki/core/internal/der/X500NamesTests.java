package dev.smki.core.internal.der;

import static org.assertj.core.api.Assertions.assertThat;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.DLSequence;
import org.junit.jupiter.api.Test;

class X500NamesTests {

    @Test
    void namesTheAsn1TypeOfAValueNotItsBouncyCastleClass() {
        assertThat(X500Names.stringType(new DERUTF8String("02"))).isEqualTo("UTF8String");
        assertThat(X500Names.stringType(new DERPrintableString("02"))).isEqualTo("PrintableString");
        assertThat(X500Names.stringType(new DERIA5String("02"))).isEqualTo("IA5String");
        assertThat(X500Names.stringType(new DERBitString(new byte[8]))).isEqualTo("BIT STRING");
        assertThat(X500Names.stringType(new DLSequence(new ASN1Encodable[0]))).isEqualTo("SEQUENCE");
        assertThat(X500Names.stringType(new DERSequence(new ASN1Encodable[0]))).isEqualTo("SEQUENCE");
    }
}
