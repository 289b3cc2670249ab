package dev.shapetorch.backprop;

/**
 * A test record for the generated-class contract of {@link BackpropRecord}; its algebra and
 * lenses are written by hand in {@link PointBackprop}, exactly as the processor would generate
 * them.
 *
 * @param x the first coordinate
 * @param y the second coordinate
 */
@BackpropRecord
record Point(double x, double y) {}
