/**
 * Reports of recovery rehearsals: the {@link dev.smki.examples.report.RehearsalReport} data written as JSON,
 * and a self-contained HTML report with SVG drawings ({@link dev.smki.examples.report.HtmlReport}).
 */
package dev.smki.examples.report;
