package dev.sessionwatch.bench;

import java.util.Arrays;

/** Order statistics of a set of samples. */
final class Percentiles {
  private final double[] sorted;

  Percentiles(double[] samples) {
    if (samples.length == 0) {
      throw new IllegalArgumentException("no samples");
    }
    this.sorted = samples.clone();
    Arrays.sort(sorted);
  }

  /** The nearest-rank percentile, {@code p} from 0 to 100. */
  double at(double p) {
    int rank = (int) Math.ceil(p / 100 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  double median() {
    return at(50);
  }

  double max() {
    return sorted[sorted.length - 1];
  }

  int count() {
    return sorted.length;
  }
}
