package com.example;

import dev.shapetorch.nn.attention.TransformerEncoderLayer;
import dev.shapetorch.nn.embedding.Embedding;
import dev.shapetorch.nn.linear.Linear;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/**
 * A shape mistake the Shape Checker must report at compile time, with both shapes: the head is
 * as wide as the encoder's feed-forward layer (32), not as its output (16).
 * scripts/consumer-test.sh expects exactly the error written on the line before it, and no
 * other.
 */
class Mistake {
  final Embedding embed = new Embedding(100, 16);
  final TransformerEncoderLayer encoder = new TransformerEncoderLayer(16, 4, 32);
  final Linear head = new Linear(32, 3);

  @Shape({"B", "3"}) Tensor classify(@Shape({"T", "B"}) Tensor tokens) {
    // :: error: (shape.mismatch.argument) Linear.forward: argument input is [B, 16], required [*batch, In] with In = 32
    return head.forward(encoder.forward(embed.forward(tokens)).mean(0));
  }
}
