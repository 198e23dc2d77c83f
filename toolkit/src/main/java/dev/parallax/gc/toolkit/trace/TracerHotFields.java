package dev.parallax.gc.toolkit.trace;

/*
 * A tracer's hot fields, between 128 bytes of padding on either side (superclass fields come first
 * in HotSpot's layout, so the order is fixed): the grey stack's reference and count, and the scan
 * count, are written for every object a tracer scans, and the tracers of a parallel trace are
 * allocated one after another. Without the padding two workers' tracers could share a cache line
 * and every scan would move it between the cores (false sharing).
 */

/** Padding before the hot fields. */
abstract class TracerPaddingBefore {
    long p00, p01, p02, p03, p04, p05, p06, p07, p08, p09, p10, p11, p12, p13, p14, p15;
}

/** The fields a tracer writes per object. */
abstract class TracerHotFields extends TracerPaddingBefore {
    long[] grey = new long[4096];
    int greyCount;
    long scanned;
}

/** Padding after the hot fields. */
abstract class TracerPaddingAfter extends TracerHotFields {
    long q00, q01, q02, q03, q04, q05, q06, q07, q08, q09, q10, q11, q12, q13, q14, q15;
}
