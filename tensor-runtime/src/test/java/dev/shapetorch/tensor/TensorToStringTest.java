package dev.shapetorch.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** {@link Tensor#toString()} prints exactly what PyTorch's {@code repr} prints (1.13 and 2.x). */
class TensorToStringTest {

  @Test
  void floatMatrix_integerValues_printWithTrailingDot() {
    assertEquals(
        "tensor([[1., 2., 3.],\n        [4., 5., 6.]])",
        Torch.fromArray(new float[] {1, 2, 3, 4, 5, 6}, 2, 3).toString());
  }

  @Test
  void floats_fourDecimals_rightAligned() {
    assertEquals("tensor([ 1.5000,  2.2500, -3.0000])", Torch.tensor(1.5, 2.25, -3).toString());
  }

  @Test
  void floats_roundHalfToEvenOnTheExactValue() {
    assertEquals("tensor([1.0312, 2.0000])", Torch.tensor(1.03125, 2.0).toString());
  }

  @Test
  void floats_wideRange_useScientificNotation() {
    assertEquals("tensor([1.0000e-05, 1.0000e+00, 1.0000e+02])", Torch.tensor(1e-5, 1, 100).toString());
    assertEquals("tensor([1.0000e+10, 1.0000e+00])", Torch.tensor(1e10, 1).toString());
    assertEquals("tensor([-1.0000e-05,  1.0000e+00])", Torch.tensor(-0.00001, 1.0).toString());
  }

  @Test
  void floats_nanInfAndNegativeZero() {
    assertEquals("tensor([   nan, 1.5000,    inf])",
        Torch.tensor(Float.NaN, 1.5f, Float.POSITIVE_INFINITY).toString());
    assertEquals("tensor([0., -0.])", Torch.tensor(0f, -0f).toString());
  }

  @Test
  void ints_printWithoutDots_andInt64HasNoDtypeSuffix() {
    assertEquals("tensor([0, 1, 2, 3, 4])", Torch.arange(5).toString());
  }

  @Test
  void nonDefaultDtypes_getADtypeSuffix() {
    assertEquals("tensor([0, 1, 2], dtype=torch.int32)", Torch.arange(3).to(DType.INT32).toString());
    assertEquals("tensor([1, 2], dtype=torch.uint8)", Torch.tensor(1L, 2L).to(DType.UINT8).toString());
    assertEquals("tensor([1.5000], dtype=torch.float64)",
        Torch.fromArray(new double[] {1.5}, 1).toString());
    assertEquals("tensor([1.5000], dtype=torch.float16)", Torch.tensor(1.5f).to(DType.FLOAT16).toString());
  }

  @Test
  void bools_printTrueFalse() {
    assertEquals("tensor([ True, False])", Torch.tensor(true, false).toString());
    assertEquals("tensor(True)", Torch.scalarTensor(true).toString());
  }

  @Test
  void scalarTensor_printsWithoutBrackets() {
    assertEquals("tensor(2.5000)", Torch.scalarTensor(2.5).toString());
  }

  @Test
  void emptyTensors_showSizeUnless1dAndDtypeUnlessFloat32() {
    assertEquals("tensor([], size=(0, 3))", Torch.zeros(0, 3).toString());
    assertEquals("tensor([], dtype=torch.int64)", Torch.arange(0).toString());
    assertEquals("tensor([], dtype=torch.float64)",
        Torch.zeros(new long[] {0}, DType.FLOAT64).toString());
  }

  @Test
  void threeDims_blankLineBetweenMatrices() {
    assertEquals(
        "tensor([[[0.0000, 0.1429, 0.2857, 0.4286],\n"
            + "         [0.5714, 0.7143, 0.8571, 1.0000],\n"
            + "         [1.1429, 1.2857, 1.4286, 1.5714]],\n"
            + "\n"
            + "        [[1.7143, 1.8571, 2.0000, 2.1429],\n"
            + "         [2.2857, 2.4286, 2.5714, 2.7143],\n"
            + "         [2.8571, 3.0000, 3.1429, 3.2857]]])",
        Torch.arange(0.0, 24.0, 1.0).reshape(2, 3, 4).div(7.0).toString());
  }

  @Test
  void longVector_wrapsAt80Columns() {
    assertEquals(
        "tensor([0.0000, 0.0345, 0.0690, 0.1034, 0.1379, 0.1724, 0.2069, 0.2414, 0.2759,\n"
            + "        0.3103, 0.3448, 0.3793, 0.4138, 0.4483, 0.4828, 0.5172, 0.5517, 0.5862,\n"
            + "        0.6207, 0.6552, 0.6897, 0.7241, 0.7586, 0.7931, 0.8276, 0.8621, 0.8966,\n"
            + "        0.9310, 0.9655, 1.0000])",
        Torch.linspace(0, 1, 30).toString());
  }

  @Test
  void moreThan1000Elements_areSummarised() {
    assertEquals("tensor([   0,    1,    2,  ..., 1997, 1998, 1999])", Torch.arange(2000).toString());
    assertEquals(
        "tensor([[0.0000e+00, 1.0000e+00, 2.0000e+00,  ..., 4.7000e+01, 4.8000e+01,\n"
            + "         4.9000e+01],\n"
            + "        [5.0000e+01, 5.1000e+01, 5.2000e+01,  ..., 9.7000e+01, 9.8000e+01,\n"
            + "         9.9000e+01],\n"
            + "        [1.0000e+02, 1.0100e+02, 1.0200e+02,  ..., 1.4700e+02, 1.4800e+02,\n"
            + "         1.4900e+02],\n"
            + "        ...,\n"
            + "        [1.8500e+03, 1.8510e+03, 1.8520e+03,  ..., 1.8970e+03, 1.8980e+03,\n"
            + "         1.8990e+03],\n"
            + "        [1.9000e+03, 1.9010e+03, 1.9020e+03,  ..., 1.9470e+03, 1.9480e+03,\n"
            + "         1.9490e+03],\n"
            + "        [1.9500e+03, 1.9510e+03, 1.9520e+03,  ..., 1.9970e+03, 1.9980e+03,\n"
            + "         1.9990e+03]])",
        Torch.arange(0.0, 2000.0, 1.0).reshape(40, 50).toString());
  }

  @Test
  void autograd_suffixes() {
    Tensor leaf = Torch.ones(2, 2).requiresGrad_(true);
    assertEquals("tensor([[1., 1.],\n        [1., 1.]], requires_grad=True)", leaf.toString());
    assertEquals("tensor([[2., 2.],\n        [2., 2.]], grad_fn=<AddBackward0>)",
        leaf.add(leaf).toString());
  }

  @Test
  void freedTensor_printsInsteadOfThrowing() {
    Tensor t = Torch.ones(1);
    t.close();
    assertEquals("tensor(<freed>)", t.toString());
  }
}
