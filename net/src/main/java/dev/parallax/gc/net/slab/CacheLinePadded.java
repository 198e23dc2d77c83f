package dev.parallax.gc.net.slab;

/**
 * A base class that keeps a subclass's fields at least a cache line (64 bytes) past the start of its
 * object, so that fields one worker writes all the time do not share a cache line with the end of
 * whatever object lies before it in the heap: often another worker's twin, since a collection of the
 * JVM copies the objects an array refers to side by side. HotSpot lays a superclass's fields out
 * before a subclass's, and 64 one-byte fields leave no gap a subclass field could be placed in
 * (whatever the object header's size). For per-worker objects of the reducer and its allocators.
 */
@SuppressWarnings("unused")
public abstract class CacheLinePadded {
    private byte p00, p01, p02, p03, p04, p05, p06, p07;
    private byte p10, p11, p12, p13, p14, p15, p16, p17;
    private byte p20, p21, p22, p23, p24, p25, p26, p27;
    private byte p30, p31, p32, p33, p34, p35, p36, p37;
    private byte p40, p41, p42, p43, p44, p45, p46, p47;
    private byte p50, p51, p52, p53, p54, p55, p56, p57;
    private byte p60, p61, p62, p63, p64, p65, p66, p67;
    private byte p70, p71, p72, p73, p74, p75, p76, p77;
}
