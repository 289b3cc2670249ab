package bgolden;

import dev.shapetorch.backprop.BackpropRecord;
import dev.shapetorch.backprop.T2;
import java.util.List;

/** One component of every supported kind but Tensor, and a nested record. */
@BackpropRecord
public record Params(
    double scale,
    Double shift,
    float[] weights,
    List<Double> xs,
    T2<Double, Float> pair,
    Inner inner) {

  /** A nested record with its own generated algebra. */
  @BackpropRecord
  public record Inner(double a, double bValue) {}
}
