/**
 * TensorBoard logs, as PyTorch's {@code torch.utils.tensorboard}: {@link
 * dev.shapetorch.monitor.tensorboard.SummaryWriter} writes scalars, text, histograms, images
 * and hyperparameters into event files in TensorFlow's format (TFRecord framing with masked
 * CRC-32C around {@code Event} protocol buffers, encoded here without a protobuf library), and
 * {@link dev.shapetorch.monitor.tensorboard.EventFileReader} reads such files back, from
 * ShapeTorch, PyTorch or TensorFlow alike.
 *
 * <pre>{@code
 * try (SummaryWriter writer = new SummaryWriter(Path.of("runs", "fashion"))) {
 *   writer.addScalar("loss/train", 0.42, 1);
 *   writer.addText("notes", "Adam, lr **2e-3**", 0);
 * }
 * // then: tensorboard --logdir runs
 * }</pre>
 */
package dev.shapetorch.monitor.tensorboard;
