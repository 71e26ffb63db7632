package org.punchgate.bench;

import java.util.Arrays;

/** Order statistics of a sample of durations (nanoseconds): nearest-rank percentiles, no interpolation. */
public record Stats(int count, long min, long p50, long p90, long p99, long max, double mean) {

  public static Stats of(long[] samples) {
    if (samples.length == 0) {
      return new Stats(0, 0, 0, 0, 0, 0, 0);
    }
    long[] sorted = samples.clone();
    Arrays.sort(sorted);
    double sum = 0;
    for (long s : sorted) {
      sum += s;
    }
    return new Stats(sorted.length, sorted[0], rank(sorted, 50), rank(sorted, 90), rank(sorted, 99),
        sorted[sorted.length - 1], sum / sorted.length);
  }

  /** The smallest sample with at least {@code percent}% of the samples at or below it. */
  static long rank(long[] sorted, int percent) {
    int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }
}
