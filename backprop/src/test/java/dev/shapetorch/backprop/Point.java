package dev.shapetorch.backprop;

/**
 * A test record whose algebra and lenses ({@code PointBackprop}) the {@link BackpropRecord}
 * processor generates.
 *
 * @param x the first coordinate
 * @param y the second coordinate
 */
@BackpropRecord
record Point(double x, double y) {}
