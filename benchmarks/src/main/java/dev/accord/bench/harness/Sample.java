package dev.accord.bench.harness;

/** One measured value of one metric, from one round of one harness run; {@code value} is null when not measured. */
record Sample(String session, int round, String metric, Double value, String note) {

    boolean measured() {
        return value != null;
    }

    /**
     * The ratio of two values measured side by side. Refuses values from different runs or rounds:
     * a ratio against a baseline is only meaningful on the same machine under the same conditions.
     */
    static double ratio(Sample numerator, Sample denominator) {
        if (!numerator.session.equals(denominator.session) || numerator.round != denominator.round) {
            throw new IllegalArgumentException("refusing a ratio of " + numerator.metric + " (run " + numerator.session
                    + ", round " + numerator.round + ") to " + denominator.metric + " (run " + denominator.session
                    + ", round " + denominator.round + "): not measured in the same run");
        }
        if (!numerator.measured() || !denominator.measured() || denominator.value == 0) {
            throw new IllegalArgumentException("a side of " + numerator.metric + " / " + denominator.metric + " is missing");
        }
        return numerator.value / denominator.value;
    }
}
