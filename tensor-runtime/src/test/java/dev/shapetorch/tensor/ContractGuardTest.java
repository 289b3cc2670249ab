package dev.shapetorch.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The ops whose runtime check and declared contract disagreed before the guards were generated
 * from the declarations (issue 11): each now fails at run time with the rule its declaration
 * names, the one the checker runs at compile time, and passes the shapes that rule accepts.
 */
class ContractGuardTest {

  private TensorScope scope;

  @BeforeEach
  void openScope() {
    scope = TensorScope.open();
  }

  @AfterEach
  void closeScope() {
    scope.close();
  }

  private static String shapeError(org.junit.jupiter.api.function.Executable call) {
    return assertThrows(ShapeException.class, call).getMessage();
  }

  /** The contract named only {@code other}; the runtime expanded {@code x} to it by hand. */
  @Test
  void expandAs_checksTheReceiverAgainstTheTargetAsItsContractSays() {
    Tensor x = Torch.zeros(3, 2);
    Tensor target = Torch.zeros(3, 4);
    assertEquals("[shape.expand] Torch.expandAs: cannot expand [3, 2] to [3, 4]: dim 1 = 2 is"
        + " not 1 and differs from 4 (only size-1 dims expand)",
        shapeError(() -> Torch.expandAs(x, target)));
    assertEquals("[shape.expand] Tensor.expandAs: cannot expand [3, 2] to [3, 4]: dim 1 = 2 is"
        + " not 1 and differs from 4 (only size-1 dims expand)",
        shapeError(() -> x.expandAs(target)));
    assertArrayEquals(new long[] {2, 3, 4},
        Torch.zeros(3, 1).expandAs(Torch.zeros(2, 3, 4)).shape());
  }

  /** The contract said {@code Rule.SIZES}; the runtime checked negative sizes its own way. */
  @Test
  void frombuffer_negativeSize_isTheSizesRulesError() {
    assertEquals("[shape.size.negative] Torch.frombuffer: sizes must be >= 0, got [2, -1]"
        + " (entry 1 = -1)",
        shapeError(() -> Torch.frombuffer(new byte[8], DType.FLOAT32, 2, -1)));
    assertEquals("[shape.size.negative] Torch.frombuffer: sizes must be >= 0, got [-2]"
        + " (entry 0 = -2)",
        shapeError(() -> Torch.frombuffer(new byte[8], 0, 8, DType.FLOAT32, -2)));
  }

  /** The weights were checked by hand but named by no rule the checker ran. */
  @Test
  void binaryCrossEntropy_weightThatDoesNotBroadcast_isTheContractsError() {
    Tensor p = Torch.full(new long[] {2, 5}, 0.5);
    Tensor t = Torch.ones(2, 5);
    String expected = "shapes [2, 5] and [3] cannot be broadcast: dim 1 of a is 5, dim 0 of b is"
        + " 3 (sizes must be equal, or one of them 1)";
    assertEquals("[shape.broadcast] Torch.binaryCrossEntropy: " + expected,
        shapeError(() -> Torch.binaryCrossEntropy(p, t, Torch.ones(3), Reduction.MEAN)));
    assertEquals("[shape.broadcast] Torch.binaryCrossEntropyWithLogits: " + expected,
        shapeError(() -> Torch.binaryCrossEntropyWithLogits(p, t, null, Torch.ones(3),
            Reduction.MEAN)));
    assertArrayEquals(new long[] {},
        Torch.binaryCrossEntropy(p, t, Torch.ones(5), Reduction.MEAN).shape());
    assertArrayEquals(new long[] {2, 5},
        Torch.binaryCrossEntropyWithLogits(p, t, null, Torch.ones(5), Reduction.NONE).shape());
  }

  /** batchNorm and groupNorm declared no contract; the runtime checked the channels by hand. */
  @Test
  void batchAndGroupNorm_channelsThatDisagree_areTheirRulesErrors() {
    Tensor x = Torch.randn(2, 6, 4, 4);
    assertEquals("[shape.mismatch.norm.channels] Torch.batchNorm: input [2, 6, 4, 4] has 6"
        + " channels (dim 1), the layer expects 4",
        shapeError(() -> Torch.batchNorm(x, null, null, Torch.zeros(4), Torch.ones(4), false,
            0.1, 1e-5)));
    assertEquals("[shape.rank] Torch.batchNorm: expected an input [N, C, *] with at least 2"
        + " dims, got [6]",
        shapeError(() -> Torch.batchNorm(Torch.randn(6), null, null, null, null, true, 0.1,
            1e-5)));
    assertEquals("[shape.mismatch.norm.channels] Torch.groupNorm: the input [2, 6, 4, 4] has 6"
        + " channels, which 4 groups do not divide",
        shapeError(() -> Torch.groupNorm(x, 4, null, null, 1e-5)));
    assertEquals("[shape.mismatch.norm.channels] Torch.groupNorm: input [2, 6, 4, 4] has 6"
        + " channels (dim 1), the layer expects 3",
        shapeError(() -> Torch.groupNorm(x, 3, Torch.ones(3), null, 1e-5)));
    assertArrayEquals(new long[] {2, 6, 4, 4},
        Torch.groupNorm(x, 3, Torch.ones(6), Torch.zeros(6), 1e-5).shape());
  }

  /**
   * The backward ops declared no contract; their kernels ran the forward op's rule by hand. Now
   * the declaration names it, and the gradient's shape is checked against its result.
   */
  @Test
  void backwardOps_inputsTheForwardRuleRejects_areItsErrors() {
    Tensor input = Torch.randn(1, 3, 4, 4);
    Tensor weight = Torch.randn(2, 5, 1, 1);
    String conv = shapeError(() -> Torch.convolutionBackward(Torch.randn(1, 2, 4, 4), input,
        weight, true, false, new long[] {1, 1}, new long[] {0, 0}, new long[] {1, 1}, 1));
    assertEquals("[shape.mismatch.conv.channels] Torch.convolutionBackward: ",
        conv.substring(0, conv.indexOf(": ") + 2));
    String pool = shapeError(() -> Torch.maxPool2dWithIndicesBackward(Torch.randn(1, 1, 1, 1),
        Torch.randn(4, 4), new long[] {2, 2}, new long[] {2, 2}, new long[] {0, 0},
        new long[] {1, 1}, false, Torch.zeros(new long[] {1, 1, 1, 1}, DType.INT64)));
    assertEquals("[shape.rank.conv] Torch.maxPool2dWithIndicesBackward: ",
        pool.substring(0, pool.indexOf(": ") + 2));
  }

  /** A null argument of a guarded op is named; a null optional one is absent. */
  @Test
  void nullArguments_areNamed_nullOptionalsAreAbsent() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Torch.mseLoss(Torch.ones(2), Torch.ones(2), null));
    assertEquals("Torch.mseLoss: reduction is null; pass a Reduction (NONE, MEAN, SUM,"
        + " BATCHMEAN)", e.getMessage());
    IllegalArgumentException list = assertThrows(IllegalArgumentException.class,
        () -> Torch.cat(java.util.Arrays.asList(Torch.ones(2), null), 0));
    assertEquals("Torch.cat: the list of tensors has null at index 1; pass tensors only",
        list.getMessage());
    assertArrayEquals(new long[] {3, 2},
        Torch.linear(Torch.ones(3, 4), Torch.ones(2, 4), null).shape());
    assertArrayEquals(new long[] {3, 2}, Torch.bilinear(Torch.ones(3, 4), Torch.ones(3, 5),
        Torch.ones(2, 4, 5), null).shape());
    IllegalArgumentException bilinear = assertThrows(IllegalArgumentException.class,
        () -> Torch.bilinear(Torch.ones(3, 4), null, Torch.ones(2, 4, 5), null));
    assertEquals("Torch.bilinear: input2 is null; pass a tensor", bilinear.getMessage());
  }
}
