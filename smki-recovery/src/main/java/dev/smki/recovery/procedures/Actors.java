package dev.smki.recovery.procedures;

import dev.smki.recovery.workflow.Actor;

/**
 * The roles that act in the SEC recovery procedures (recovery.md §1.1, §2 and §3.3): the DCC (as OCA,
 * Registration Authority and Access Control Broker), the SMKI PMA and its SMKI Specialist, Key Custodians, the
 * Relevant Subscriber and other Parties, Devices, and the roles of a Supplier of Last Resort event.
 *
 * <p>An actor names a role, never a person: which custodian or which Party acted goes in the attempt's payload.
 */
public final class Actors {

    /** The DCC: Root and Issuing OCA, Registration Authority, Access Control Broker, HSM operator. */
    public static final Actor DCC = Actor.of("DCC");

    /** The SMKI Policy Management Authority, which decides on the use of the Recovery and Contingency keys. */
    public static final Actor SMKI_PMA = Actor.of("SMKI_PMA");

    /** The SMKI Specialist, an independent PKI expert who may advise the SMKI PMA. */
    public static final Actor SMKI_SPECIALIST = Actor.of("SMKI_SPECIALIST");

    /** A Key Custodian: an employee of a SEC Party holding key shares, present at key ceremonies. */
    public static final Actor KEY_CUSTODIAN = Actor.of("KEY_CUSTODIAN");

    /** The Relevant Subscriber: the Subscriber for the compromised Organisation or OCA Certificate. */
    public static final Actor SUBSCRIBER = Actor.of("SUBSCRIBER");

    /** Any SEC Party or RDP, such as one that detects a compromise or nominates a Key Custodian. */
    public static final Actor PARTY = Actor.of("PARTY");

    /** An Authorised Responsible Officer acting for a Party with the SMKI services. */
    public static final Actor ARO = Actor.of("ARO");

    /** The SECAS Security Team, which receives Key Custodian nominations. */
    public static final Actor SECAS = Actor.of("SECAS");

    /** A Device executing a command and answering with an Execution Outcome. */
    public static final Actor DEVICE = Actor.of("DEVICE");

    /** Ofgem, which appoints a Supplier of Last Resort and instructs the Shared Resource Provider. */
    public static final Actor OFGEM = Actor.of("OFGEM");

    /** The Shared Resource Provider, which puts prepayment customers into a safe mode in a SoLR event. */
    public static final Actor SHARED_RESOURCE_PROVIDER = Actor.of("SHARED_RESOURCE_PROVIDER");

    /** The Supplier of Last Resort, which takes over a failed Supplier's customers. */
    public static final Actor SUPPLIER_OF_LAST_RESORT = Actor.of("SUPPLIER_OF_LAST_RESORT");

    private Actors() {}
}
