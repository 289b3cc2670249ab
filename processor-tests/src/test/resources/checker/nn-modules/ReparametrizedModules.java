import dev.shapetorch.nn.conv.Conv2d;
import dev.shapetorch.nn.linear.Linear;
import dev.shapetorch.nn.utils.Prune;
import dev.shapetorch.nn.utils.SpectralNorm;
import dev.shapetorch.nn.utils.WeightNorm;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/**
 * Weight norm, spectral norm and pruning return the module they were given, with its type: the
 * layer's hyperparameters still check its inputs.
 */
class ReparametrizedModules {
  final Linear fc = WeightNorm.weightNorm(new Linear(784, 128));
  final Conv2d conv = SpectralNorm.spectralNorm(new Conv2d(3, 16, 3));
  final Linear pruned = Prune.l1Unstructured(new Linear(128, 10), "weight", 0.3);

  void use(@Shape({"B", "784"}) Tensor x, @Shape({"B", "100"}) Tensor wrong,
      @Shape({"N", "3", "32", "32"}) Tensor img) {
    @Shape({"B", "128"}) Tensor h = fc.forward(x);
    @Shape({"B", "10"}) Tensor y = pruned.forward(h);
    @Shape({"N", "16", "30", "30"}) Tensor c = conv.forward(img);
    // :: error: (shape.mismatch.argument)
    fc.forward(wrong);
    var local = Prune.l1Unstructured(WeightNorm.weightNorm(new Linear(784, 64)), "bias", 0.5);
    @Shape({"B", "64"}) Tensor z = local.forward(x);
    // :: error: (shape.mismatch.argument)
    local.forward(wrong);
  }
}
