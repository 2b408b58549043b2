/**
 * The {@code ./smki} command line, built with picocli: {@link dev.smki.examples.cli.SmkiCli} and one class
 * per subcommand.
 */
package dev.smki.examples.cli;
