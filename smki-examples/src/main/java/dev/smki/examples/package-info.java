/**
 * Runnable examples of the library, each a {@code main} backed by a test that checks its output: {@link
 * dev.smki.examples.IssueATestPki} (a test PKI), {@link dev.smki.examples.LintACertificate} (the certificate
 * profiles), {@link dev.smki.examples.RunAProcedure} (the procedure engine and its journal), {@link
 * dev.smki.examples.RehearseAContingency} (a Root OCA compromise, interrupted and resumed), {@link
 * dev.smki.examples.RehearseASupplierKeyCompromise} (Method 3), {@link
 * dev.smki.examples.SupplierOfLastResortWalkthrough} (a SoLR event) and {@link dev.smki.examples.AnalyseStepOrders}
 * (the contingency step orders). The command line is in {@code dev.smki.examples.cli}.
 */
package dev.smki.examples;
