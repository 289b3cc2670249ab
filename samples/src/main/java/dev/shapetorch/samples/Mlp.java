package dev.shapetorch.samples;

import dev.shapetorch.nn.ModuleVisitor;
import dev.shapetorch.nn.UnaryModule;
import dev.shapetorch.nn.containers.ModuleList;
import dev.shapetorch.nn.functional.F;
import dev.shapetorch.nn.linear.Linear;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * A multilayer perceptron over flattened 28x28 images: 784, the hidden widths, 10, with ReLU
 * between layers ({@code layers.0}, {@code layers.1}, ...). {@code Mlp.create(256, 128)} is the
 * 784-256-128-10 network; {@code Mlp.create(256)} the benchmark's 784-256-10.
 *
 * <p>Shape: {@code [B, 1, 28, 28] -> [B, 10]}.
 *
 * @param layers the linear layers, first to last
 */
public record Mlp(ModuleList<Linear> layers) implements UnaryModule {

  /** 784, then {@code hidden}, then 10. */
  public static Mlp create(int... hidden) {
    List<Linear> layers = new ArrayList<>();
    long in = 784;
    for (int h : hidden) {
      layers.add(new Linear(in, h));
      in = h;
    }
    layers.add(new Linear(in, 10));
    return new Mlp(new ModuleList<>(layers));
  }

  @Override
  public void visitChildren(ModuleVisitor v) {
    v.module("layers", layers);
  }

  /**
   * Class scores.
   *
   * <p>Shape: {@code [B, 1, 28, 28] -> [B, 10]}.
   */
  @Override
  public @Shape({"B", "10"}) Tensor forward(@Shape({"B", "1", "28", "28"}) Tensor x) {
    Tensor h = x.flatten(1, -1);
    for (int i = 0; i < layers.size(); i++) {
      h = layers.get(i).forward(h);
      if (i < layers.size() - 1) {
        h = F.relu(h);
      }
    }
    return h;
  }
}
