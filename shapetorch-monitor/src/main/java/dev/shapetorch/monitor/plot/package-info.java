/**
 * Pictures of a training run, drawn with XChart and written as PNG: {@link
 * dev.shapetorch.monitor.plot.TrainingCurves} (loss and accuracy per epoch, training beside
 * test) and {@link dev.shapetorch.monitor.plot.ConfusionMatrix} (true against predicted classes,
 * as a heat map with the counts). Image tensors themselves are drawn by {@code
 * dev.shapetorch.vision.utils.VisionUtils} in tensor-runtime.
 *
 * <pre>{@code
 * new TrainingCurves("Fashion-MNIST").addEpoch(0.52, 0.41, 0.81, 0.85).savePng(Path.of("curves.png"));
 * }</pre>
 */
package dev.shapetorch.monitor.plot;
