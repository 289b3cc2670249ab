package dtype;

import dev.shapetorch.shapes.DTypeEffect;
import dev.shapetorch.shapes.rules.DTypeRule;
import fixtures.Tensor;

class DTypeEffectMisfits {
  // :: error: (shape.dtype.args)
  @DTypeEffect(value = DTypeRule.PROMOTE, args = {"a", "othre"})
  static Tensor misspelledArg(Tensor a, Tensor other) {
    return a;
  }

  // :: error: (shape.dtype.args)
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"this"})
  static Tensor thisInAStaticMethod(Tensor x) {
    return x;
  }

  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"self"})
  // :: error: (shape.dtype.args)
  @DTypeEffect(value = DTypeRule.REQUIRES_FLOATING, args = {"x"})
  static Tensor oneOfTwoEffectsMisnamed(Tensor self) {
    return self;
  }

  // :: error: (shape.dtype.args)
  @DTypeEffect(value = DTypeRule.REQUIRES_INTEGRAL, args = {"this"})
  DTypeEffectMisfits(Tensor indices) {}

  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"this"})
  @DTypeEffect(value = DTypeRule.REQUIRES_BOOL, args = {"mask"})
  Tensor fits(Tensor mask) {
    return mask;
  }

  @DTypeEffect(DTypeRule.INT64)
  static Tensor noArgs(Tensor x) {
    return x;
  }
}
