package dev.shapetorch.backprop.ops;

import static com.google.common.truth.Truth.assertWithMessage;

import dev.shapetorch.backprop.BVar;
import dev.shapetorch.backprop.BVars;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.TensorScope;
import dev.shapetorch.tensor.Torch;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An MLP 784-128-10 trained on Fashion-MNIST for one epoch purely through backprop's tensor ops
 * and plain SGD (batch 64, learning rate 0.1) reaches at least 80% test accuracy.
 */
class FashionMnistTrainingTest {
  private static final int BATCH = 64;
  private static final double LEARNING_RATE = 0.2;

  /** The loss of the MLP {@code linear, relu, linear} with parameters {@code p} on a batch. */
  static BVar<Tensor> loss(List<BVar<Tensor>> p, Tensor images, Tensor labels) {
    BVar<Tensor> hidden =
        TensorVars.relu(TensorVars.linear(TensorVars.constant(images), p.get(0), p.get(1)));
    return TensorVars.crossEntropy(TensorVars.linear(hidden, p.get(2), p.get(3)), labels);
  }

  /** PyTorch's default {@code nn.Linear} initialisation: U(-1/sqrt(in), 1/sqrt(in)). */
  static Tensor uniform(double bound, long... shape) {
    return Torch.rand(shape).mul(2 * bound).sub(bound).retain();
  }

  @Test
  void mlp_oneEpochOfBackpropAndSgd_reaches80PercentTestAccuracy() throws Exception {
    Torch.manualSeed(0);
    FashionMnist.Split train = FashionMnist.read("train", 0L);
    FashionMnist.Split test = FashionMnist.read("t10k", null);
    List<Tensor> params = List.of(uniform(1 / Math.sqrt(784), 128, 784),
        uniform(1 / Math.sqrt(784), 128), uniform(1 / Math.sqrt(128), 10, 128),
        uniform(1 / Math.sqrt(128), 10));

    for (long start = 0; start < train.size(); start += BATCH) {
      try (TensorScope step = TensorScope.open()) {
        long n = Math.min(BATCH, train.size() - start);
        Tensor images = train.images().narrow(0, start, n);
        Tensor labels = train.labels().narrow(0, start, n);
        List<Tensor> grads = BVars.gradBPN(p -> loss(p, images, labels), params,
            TensorBackprop.INSTANCE);
        TensorGradients.sgdStep(params, grads, LEARNING_RATE);
      }
    }

    double accuracy;
    try (TensorScope eval = TensorScope.open()) {
      Tensor logits = BVars.evalBPN(p -> {
        BVar<Tensor> hidden = TensorVars.relu(
            TensorVars.linear(TensorVars.constant(test.images()), p.get(0), p.get(1)));
        return TensorVars.linear(hidden, p.get(2), p.get(3));
      }, params);
      accuracy = logits.argmax(1).eq(test.labels()).to(dev.shapetorch.tensor.DType.FLOAT64)
          .mean().item();
    }
    assertWithMessage("test accuracy after one epoch").that(accuracy).isAtLeast(0.80);
  }
}
