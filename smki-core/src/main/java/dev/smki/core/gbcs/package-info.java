/**
 * The GBCS message layer the simulated Devices speak: the Grouping Header (GBCS §7.2.7), the KRP and Device
 * signatures (GBCS §6.3.3), the MAC Header a message may arrive in, and a strict reader that walks a message in
 * place, naming the byte offset and the field of anything malformed, and can record every field it reads for
 * display. What a payload means is left to the code that knows its message code (for CS02b, the {@code device}
 * package). Start at {@link dev.smki.core.gbcs.GbcsMessage}.
 *
 * <p>Where each layout comes from is said at each structure: the GBCS text where it could be read, otherwise the
 * DCC's Reference Test Data Set samples and the DCC's open-source GBCS parser (read for facts only), and marked
 * observed or inferred accordingly.
 */
@NullMarked
package dev.smki.core.gbcs;

import org.jspecify.annotations.NullMarked;
