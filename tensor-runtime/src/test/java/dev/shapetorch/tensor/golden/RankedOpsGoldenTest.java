package dev.shapetorch.tensor.golden;

import static dev.shapetorch.tensor.golden.GoldenAssert.assertMatches;

import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.TensorScope;
import dev.shapetorch.tensor.Torch;
import dev.shapetorch.tensor.Unique;
import dev.shapetorch.tensor.ValuesAndIndices;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The ops of PyTorch's most-used list added for issue 13 against PyTorch 1.13 ({@code
 * ranked_ops_golden.py}): {@code unbind}, stable {@code sort}, {@code median}, {@code mode},
 * {@code nonzero}, {@code bincount}, {@code repeatInterleave}, {@code unfold}, {@code unique},
 * the in-place comparisons, {@code mH} and {@code H}, in the instance and the static form. An op
 * of several results (values and indices, unique's three tensors, unbind's pieces) is compared
 * result by result. The errors are {@code RankedOpsErrorTest}'s, the random ops {@code
 * RandomDrawTest}'s.
 */
class RankedOpsGoldenTest {

  private static final String FAMILY = "ranked_ops";

  static Stream<GoldenCase> cases() {
    return GoldenFixture.cases(FAMILY);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void instanceForm_matchesPyTorch(GoldenCase c) {
    GoldenGaps.skipIfKnownGap(FAMILY, c);
    try (var scope = TensorScope.open()) {
      assertMatches(c, instance(c));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void staticForm_matchesPyTorch(GoldenCase c) {
    GoldenGaps.skipIfKnownGap(FAMILY, c);
    try (var scope = TensorScope.open()) {
      assertMatches(c, statik(c));
    }
  }

  private static List<Tensor> instance(GoldenCase c) {
    Tensor a = c.input(0);
    String op = c.op();
    if (op.matches("(gt|lt|ge|le|eq|ne)_(tensor|scalar)")) {
      return List.of(inPlace(c, a.clone()));
    }
    switch (op) {
      case "unbind":
        return a.unbind(c.intArg("dim"));
      case "sort_stable":
        return pair(a.sort(c.intArg("dim"), c.boolArg("descending"), c.boolArg("stable")));
      case "median_all":
        return List.of(a.median());
      case "median":
        return pair(a.median(c.intArg("dim"), c.boolArg("keepdim")));
      case "mode":
        return pair(a.mode(c.intArg("dim"), c.boolArg("keepdim")));
      case "mode_last":
        return pair(a.mode());
      case "nonzero":
        return List.of(a.nonzero());
      case "bincount":
        return List.of(c.longArg("minlength") == 0 ? a.bincount()
            : a.bincount(c.longArg("minlength")));
      case "bincount_weights":
        return List.of(a.bincount(c.input(1), c.longArg("minlength")));
      case "repeat_interleave":
        return List.of(a.repeatInterleave(c.longArg("repeats"), c.intArg("dim")));
      case "repeat_interleave_tensor":
        return List.of(a.repeatInterleave(c.input(1), c.intArg("dim")));
      case "unfold":
        return List.of(a.unfold(c.intArg("dim"), c.longArg("size"), c.longArg("step")));
      case "unique":
        return all(a.unique(true, true, true));
      case "unique_dim":
        return all(a.unique(true, true, true, c.intArg("dim")));
      case "mH":
        return List.of(a.mH());
      case "H":
        return List.of(a.H());
      default:
        throw new AssertionError("no ShapeTorch call for fixture op " + op);
    }
  }

  private static List<Tensor> statik(GoldenCase c) {
    Tensor a = c.input(0);
    switch (c.op()) {
      case "unbind":
        return Torch.unbind(a, c.intArg("dim"));
      case "sort_stable":
        return pair(
            Torch.sort(a, c.intArg("dim"), c.boolArg("descending"), c.boolArg("stable")));
      case "median_all":
        return List.of(Torch.median(a));
      case "median":
        return pair(Torch.median(a, c.intArg("dim"), c.boolArg("keepdim")));
      case "mode":
        return pair(Torch.mode(a, c.intArg("dim"), c.boolArg("keepdim")));
      case "mode_last":
        return pair(Torch.mode(a));
      case "nonzero":
        return List.of(Torch.nonzero(a));
      case "bincount":
        return List.of(Torch.bincount(a, c.longArg("minlength")));
      case "bincount_weights":
        return List.of(Torch.bincount(a, c.input(1), c.longArg("minlength")));
      case "repeat_interleave":
        return List.of(Torch.repeatInterleave(a, c.longArg("repeats"), c.intArg("dim")));
      case "repeat_interleave_tensor":
        return List.of(Torch.repeatInterleave(a, c.input(1), c.intArg("dim")));
      case "unique":
        return all(Torch.unique(a, true, true, true));
      case "unique_dim":
        return all(Torch.unique(a, true, true, true, c.intArg("dim")));
      default:
        // Methods only (unfold, mH, H, the in-place comparisons): the instance form again.
        return instance(c);
    }
  }

  private static Tensor inPlace(GoldenCase c, Tensor self) {
    String name = c.op().substring(0, c.op().indexOf('_') + 1);
    boolean scalar = c.op().endsWith("_scalar");
    double v = scalar ? c.doubleArg("value") : 0;
    Tensor other = scalar ? null : c.input(1);
    Tensor r;
    switch (name) {
      case "gt_":
        r = scalar ? self.gt_(v) : self.gt_(other);
        break;
      case "lt_":
        r = scalar ? self.lt_(v) : self.lt_(other);
        break;
      case "ge_":
        r = scalar ? self.ge_(v) : self.ge_(other);
        break;
      case "le_":
        r = scalar ? self.le_(v) : self.le_(other);
        break;
      case "eq_":
        r = scalar ? self.eq_(v) : self.eq_(other);
        break;
      case "ne_":
        r = scalar ? self.ne_(v) : self.ne_(other);
        break;
      default:
        throw new AssertionError("no in-place comparison " + name);
    }
    if (r != self) {
      throw new AssertionError(c.op() + " must return its receiver");
    }
    return self;
  }

  private static List<Tensor> pair(ValuesAndIndices r) {
    return List.of(r.values(), r.indices());
  }

  private static List<Tensor> all(Unique u) {
    return List.of(u.values(), u.inverse(), u.counts());
  }
}
