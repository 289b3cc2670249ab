package dev.shapetorch.tensor.golden;

import static dev.shapetorch.tensor.golden.GoldenAssert.assertMatches;

import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.TensorScope;
import dev.shapetorch.tensor.Torch;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Shape ops against PyTorch: reshape/view with -1, flatten, unflatten, squeeze, unsqueeze, permute,
 * expand, contiguous, cat, stack, split, chunk, narrow, select, indexSelect, advanced indexing
 * ({@code x.index(...)}, long and boolean indices), gather, scatter and repeat.
 */
class ShapeOpsGoldenTest {

  private static final String FAMILY = "shape";

  static Stream<GoldenCase> cases() {
    return GoldenFixture.cases(FAMILY);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void shapeOp_matchesPyTorch(GoldenCase c) {
    GoldenGaps.skipIfKnownGap(FAMILY, c);
    try (var scope = TensorScope.open()) {
      assertMatches(c, run(c));
    }
  }

  private static List<Tensor> run(GoldenCase c) {
    Tensor a = c.input(0);
    switch (c.op()) {
      case "reshape":
        return List.of(a.reshape(c.longsArg("shape")));
      case "view":
        return List.of(a.view(c.longsArg("shape")));
      case "flatten":
        return List.of(a.flatten(c.intArg("start"), c.intArg("end")));
      case "unflatten":
        return List.of(a.unflatten(c.intArg("dim"), c.longsArg("sizes")));
      case "squeeze":
        return List.of(a.squeeze());
      case "squeeze_dim":
        return List.of(a.squeeze(c.intArg("dim")));
      case "unsqueeze":
        return List.of(a.unsqueeze(c.intArg("dim")));
      case "permute":
        return List.of(a.permute(c.intsArg("dims")));
      case "expand":
        return List.of(a.expand(c.longsArg("shape")));
      case "contiguous":
        return List.of(a.t().contiguous());
      case "cat":
        return List.of(Torch.cat(c.inputTensors(), c.intArg("dim")));
      case "stack":
        return List.of(Torch.stack(c.inputTensors(), c.intArg("dim")));
      case "split":
        return a.split(c.longArg("split_size"), c.intArg("dim"));
      case "split_sizes":
        return a.split(c.longsArg("sizes"), c.intArg("dim"));
      case "chunk":
        return a.chunk(c.intArg("chunks"), c.intArg("dim"));
      case "narrow":
        return List.of(a.narrow(c.intArg("dim"), c.longArg("start"), c.longArg("length")));
      case "select":
        return List.of(a.select(c.intArg("dim"), c.longArg("index")));
      case "index_select":
        return List.of(a.indexSelect(c.intArg("dim"), c.input(1)));
      case "index":
        {
          List<Tensor> all = c.inputTensors();
          return List.of(a.index(all.subList(1, all.size()).toArray(new Tensor[0])));
        }
      case "gather":
        return List.of(a.gather(c.intArg("dim"), c.input(1)));
      case "scatter":
        return List.of(a.scatter(c.intArg("dim"), c.input(1), c.input(2)));
      case "scatter_value":
        return List.of(a.scatter(c.intArg("dim"), c.input(1), c.doubleArg("value")));
      case "repeat":
        return List.of(a.repeat(c.longsArg("repeats")));
      default:
        throw new AssertionError("no ShapeTorch call for fixture op " + c.op());
    }
  }
}
