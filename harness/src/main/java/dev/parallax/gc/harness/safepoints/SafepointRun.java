package dev.parallax.gc.harness.safepoints;

import dev.parallax.gc.harness.report.Percentiles;

/**
 * What one safepoint policy measured over the timed bodies.
 *
 * @param policy          the policy's name
 * @param medianBodyMs    the worker's median body time (its pauses included)
 * @param requests        collections the requester asked for and got during the timed bodies
 * @param maxTtsMicros    the longest time-to-safepoint of those requests
 * @param p50TtsMicros    their median time-to-safepoint
 * @param p99TtsMicros    their 99th-percentile time-to-safepoint
 * @param pollsPerBody    declared sites the policy polls at, per body (allocation slow paths not counted)
 * @param sites           declared sites per body, by kind
 * @param tts             every request's time-to-safepoint, in microseconds
 */
public record SafepointRun(String policy, double medianBodyMs, long requests, double maxTtsMicros,
                           double p50TtsMicros, double p99TtsMicros, long pollsPerBody, SiteCounts sites,
                           Percentiles tts) {
}
