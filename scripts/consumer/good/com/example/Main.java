package com.example;

import dev.shapetorch.nn.attention.TransformerEncoderLayer;
import dev.shapetorch.nn.embedding.Embedding;
import dev.shapetorch.nn.linear.Linear;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.util.Arrays;

/**
 * A user's first program, in a project set up exactly as docs/checker.md says: it must compile
 * without a diagnostic under the Shape Checker, and run. scripts/consumer-test.sh compares what
 * it prints with the {@code // prints:} lines below, in order.
 */
public class Main {
  final Embedding embed = new Embedding(100, 16);
  final TransformerEncoderLayer encoder = new TransformerEncoderLayer(16, 4, 32);
  final Linear head = new Linear(16, 3);

  /** Token ids {@code [T, B]} to class scores {@code [B, 3]}. */
  @Shape({"B", "3"}) Tensor classify(@Shape({"T", "B"}) Tensor tokens) {
    @Shape({"T", "B", "16"}) Tensor encoded = encoder.forward(embed.forward(tokens));
    return head.forward(encoded.mean(0));
  }

  /** {@code a aᵀ}. */
  static @Shape({"M", "M"}) Tensor gram(@Shape({"M", "K"}) Tensor a) {
    return a.matmul(a.t());
  }

  public static void main(String[] args) {
    Tensor a = Torch.fromArray(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
    // prints: gram [14.0, 32.0, 32.0, 77.0]
    System.out.println("gram " + Arrays.toString(gram(a).toFloatArray()));

    @Shape({"5", "3"}) Tensor scores = new Main().classify(Torch.randint(0, 100, 7, 5));
    boolean finite = true;
    for (float v : scores.toFloatArray()) {
      finite &= Float.isFinite(v);
    }
    // prints: scores [5, 3] finite true
    System.out.println("scores " + Arrays.toString(scores.shape()) + " finite " + finite);
  }
}
