package dev.shapetorch.vision.models;

import dev.shapetorch.internal.Arguments;
import dev.shapetorch.nn.ModuleVisitor;
import dev.shapetorch.nn.UnaryModule;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.util.ArrayList;
import java.util.List;

/**
 * A DenseNet block, as torchvision's {@code _DenseBlock}: each {@link DenseLayer} sees the
 * concatenation (along the channels) of the block's input and every earlier layer's output; the
 * block returns the concatenation of all of them. Layers are named {@code denselayer1}, {@code
 * denselayer2}, ... as torchvision names them.
 *
 * <p>Shape: {@code [B, in, H, W] -> [B, in + layers * growthRate, H, W]}.
 *
 * @param layers the layers, in order (copied)
 */
public record DenseBlock(List<DenseLayer> layers) implements UnaryModule {

  /**
   * Checks and copies the layers.
   *
   * @throws IllegalArgumentException if {@code layers} or one of them is null, or it is empty
   */
  public DenseBlock {
    Arguments.requireNonNullElements(layers, "layers");
    if (layers.isEmpty()) {
      throw Arguments.invalid(null, "layers is empty; a dense block needs at least one layer");
    }
    layers = List.copyOf(layers);
  }

  /**
   * A block of {@code numLayers} layers after {@code in} channels, as torchvision's {@code
   * _DenseBlock(numLayers, in, bn_size, growth_rate, 0)}.
   *
   * <p>Shape: {@code [B, in, H, W] -> [B, in + numLayers * growthRate, H, W]}.
   *
   * @throws IllegalArgumentException if a size is not positive
   */
  static DenseBlock create(int numLayers, long in, long growthRate, long bnSize) {
    if (numLayers < 1) {
      throw Arguments.invalid(null, "numLayers must be positive, got " + numLayers);
    }
    List<DenseLayer> list = new ArrayList<>();
    for (int i = 0; i < numLayers; i++) {
      list.add(DenseLayer.create(in + i * growthRate, growthRate, bnSize));
    }
    return new DenseBlock(list);
  }

  @Override
  public void visitChildren(ModuleVisitor v) {
    Arguments.requireNonNull(v, "v");
    for (int i = 0; i < layers.size(); i++) {
      v.module("denselayer" + (i + 1), layers.get(i));
    }
  }

  /**
   * The input and every layer's features, concatenated.
   *
   * <p>Shape: {@code [B, in, H, W] -> [B, in + layers * growthRate, H, W]}.
   */
  @Override
  public @Shape({"B", "_", "H", "W"}) Tensor forward(@Shape({"B", "_", "H", "W"}) Tensor x) {
    Arguments.requireNonNull(x, "x");
    List<Tensor> features = new ArrayList<>();
    features.add(x);
    for (DenseLayer layer : layers) {
      features.add(layer.forward(features.size() == 1 ? x : Torch.cat(features, 1)));
    }
    return Torch.cat(features, 1);
  }
}
