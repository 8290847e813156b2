package org.gantry.engine;

/**
 * How an assignment spreads its work over its span. Microsoft Project's predefined contours cut the span
 * into ten equal slices and give each a share of the peak units (back loaded: 10, 15, 25, 50, 50, 75, 75,
 * 100, 100, 100 %); what matters for dates is the average share, which stretches the span: a front-loaded
 * assignment at 100 % works 60 % on average, so 40 hours of work last 66.7 working hours. CONTOURED
 * (edited by hand) has no shape to compute with and is taken as flat.
 */
public enum WorkContour {
    FLAT(1.0),
    BACK_LOADED(0.6),
    FRONT_LOADED(0.6),
    DOUBLE_PEAK(0.5),
    EARLY_PEAK(0.5),
    LATE_PEAK(0.5),
    BELL(0.5),
    TURTLE(0.7),
    CONTOURED(1.0);

    private final double averageShare;

    WorkContour(double averageShare) {
        this.averageShare = averageShare;
    }

    /** The average share of the peak units the assignment works at over its span. */
    public double averageShare() {
        return averageShare;
    }
}
