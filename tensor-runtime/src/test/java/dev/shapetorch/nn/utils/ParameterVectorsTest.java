package dev.shapetorch.nn.utils;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shapetorch.nn.Parameter;
import dev.shapetorch.nn.conv.Conv2d;
import dev.shapetorch.nn.linear.Linear;
import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.MemoryFormat;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.TensorScope;
import dev.shapetorch.tensor.Torch;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * parameters_to_vector and vector_to_parameters: the vector is the parameters' elements in order
 * (PyTorch's definition, {@code torch.cat([p.view(-1) for p in parameters])}), gradients flow
 * through it, writing a vector back makes the parameters views of it, and bad vectors are refused
 * naming the sizes.
 */
class ParameterVectorsTest {

  private TensorScope scope;

  @BeforeEach
  void open() {
    scope = TensorScope.open();
  }

  @AfterEach
  void close() {
    scope.close();
  }

  /** The parameters' elements, read one by one, in order: the definition, not the code. */
  private static List<Float> elements(List<Parameter> params) {
    List<Float> out = new ArrayList<>();
    for (Parameter p : params) {
      for (float f : p.get().contiguous().toFloatArray()) {
        out.add(f);
      }
    }
    return out;
  }

  private static List<Float> list(float[] values) {
    List<Float> out = new ArrayList<>();
    for (float f : values) {
      out.add(f);
    }
    return out;
  }

  @Test
  void parametersToVector_isTheElementsInOrder_andCarriesGradients() {
    Linear fc = new Linear(3, 2);
    List<Parameter> params = fc.parameters();
    Tensor theta = ParameterVectors.parametersToVector(params);
    assertArrayEquals(new long[] {8}, theta.shape());
    assertEquals(elements(params), list(theta.toFloatArray()));
    theta.mul(Torch.arange(8).to(DType.FLOAT32)).sum().backward();
    float[] weightGrad = params.get(0).grad().toFloatArray();
    float[] biasGrad = params.get(1).grad().toFloatArray();
    assertArrayEquals(new float[] {0, 1, 2, 3, 4, 5}, weightGrad);
    assertArrayEquals(new float[] {6, 7}, biasGrad);
  }

  @Test
  void channelsLastWeights_areFlattenedInTheirLogicalOrder() {
    Conv2d conv = new Conv2d(2, 3, 3, 1, 1);
    List<Float> before = elements(conv.parameters());
    conv.to(MemoryFormat.CHANNELS_LAST);
    Tensor theta = ParameterVectors.parametersToVector(conv.parameters());
    assertEquals(before, list(theta.toFloatArray()));
  }

  @Test
  void vectorToParameters_roundTrips_keepsHolders_andSharesTheVectorsMemory() {
    Linear fc = new Linear(3, 2);
    List<Parameter> params = fc.parameters();
    Parameter weight = params.get(0);
    Tensor vec = Torch.arange(8).to(DType.FLOAT32).retain();
    ParameterVectors.vectorToParameters(vec, params);
    assertSame(weight, fc.parameters().get(0), "the holders stay, so optimisers see the values");
    assertArrayEquals(new long[] {2, 3}, weight.shape());
    assertArrayEquals(new float[] {0, 1, 2, 3, 4, 5}, weight.get().toFloatArray());
    assertArrayEquals(new float[] {6, 7}, params.get(1).get().toFloatArray());
    assertTrue(weight.get().requiresGrad(), "a trainable parameter stays trainable");
    assertEquals(list(vec.toFloatArray()), list(
        ParameterVectors.parametersToVector(params).toFloatArray()));
    // As PyTorch's param.data = vec[...]: the parameters are views of the vector.
    vec.mul_(2.0);
    assertArrayEquals(new float[] {12, 14}, params.get(1).get().toFloatArray());
    vec.close();
  }

  @Test
  void badArguments_areRefusedNamingTheSizes() {
    List<Parameter> params = new Linear(3, 2).parameters();
    IllegalArgumentException shortVec = assertThrows(IllegalArgumentException.class,
        () -> ParameterVectors.vectorToParameters(Torch.zeros(7), params));
    assertEquals("ParameterVectors.vectorToParameters: vec has shape [7] but the 2 parameters"
        + " hold 8 elements in all; pass a vector [8] (parametersToVector of the same parameters"
        + " has that shape)", shortVec.getMessage());
    IllegalArgumentException matrix = assertThrows(IllegalArgumentException.class,
        () -> ParameterVectors.vectorToParameters(Torch.zeros(2, 4), params));
    assertTrue(matrix.getMessage().contains("vec has shape [2, 4]"), matrix.getMessage());
    IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
        () -> ParameterVectors.parametersToVector(List.of()));
    assertTrue(none.getMessage().startsWith("ParameterVectors.parametersToVector: no parameters"),
        none.getMessage());
    List<Parameter> withNull = new ArrayList<>(params);
    withNull.add(null);
    IllegalArgumentException nullParam = assertThrows(IllegalArgumentException.class,
        () -> ParameterVectors.parametersToVector(withNull));
    assertEquals("ParameterVectors.parametersToVector: parameter 2 is null",
        nullParam.getMessage());
    float[] untouched = params.get(0).get().toFloatArray();
    assertThrows(IllegalArgumentException.class,
        () -> ParameterVectors.vectorToParameters(Torch.zeros(9), params));
    assertArrayEquals(untouched, params.get(0).get().toFloatArray(),
        "a refused call changes nothing");
  }
}
