package dev.shapetorch.tensor.golden;

import static dev.shapetorch.tensor.golden.ShapeErrors.assertShapeError;
import static dev.shapetorch.tensor.golden.ShapeErrors.shape;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.shapetorch.shapes.rules.MessageKeys;
import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.TensorScope;
import dev.shapetorch.tensor.Torch;
import java.util.function.BinaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every broadcasting op rejects shapes that do not broadcast with {@code [shape.broadcast]}, naming
 * the op and both shapes, before libtorch runs; in-place ops also reject a broadcast that would
 * change the receiver's shape.
 */
class PointwiseShapeErrorGoldenTest {

  static Stream<Arguments> binaryOps() {
    return Stream.of(
        op("add", Tensor::add),
        op("sub", Tensor::sub),
        op("mul", Tensor::mul),
        op("div", Tensor::div),
        op("pow", Tensor::pow),
        op("remainder", Tensor::remainder),
        op("eq", Tensor::eq),
        op("ne", Tensor::ne),
        op("lt", Tensor::lt),
        op("le", Tensor::le),
        op("gt", Tensor::gt),
        op("ge", Tensor::ge),
        op("logicalAnd", Tensor::logicalAnd),
        op("logicalOr", Tensor::logicalOr),
        op("logicalXor", Tensor::logicalXor),
        op("maximum", Tensor::maximum),
        op("minimum", Tensor::minimum));
  }

  private static Arguments op(String name, BinaryOperator<Tensor> f) {
    return Arguments.of(name, f);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("binaryOps")
  void binaryOp_shapesThatDoNotBroadcast_throwBroadcastKeyNamingBothShapes(
      String name, BinaryOperator<Tensor> op) {
    try (var scope = TensorScope.open()) {
      Tensor a = Torch.ones(new long[] {2, 3}, DType.FLOAT64);
      Tensor b = Torch.ones(new long[] {4}, DType.FLOAT64);
      assertShapeError(MessageKeys.BROADCAST, name, () -> op.apply(a, b), shape(2, 3), shape(4));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("binaryOps")
  void binaryOp_trailingDimsDifferWithLeadingOnes_throwBroadcastKey(
      String name, BinaryOperator<Tensor> op) {
    try (var scope = TensorScope.open()) {
      Tensor a = Torch.ones(new long[] {5, 1, 3}, DType.FLOAT64);
      Tensor b = Torch.ones(new long[] {2, 2}, DType.FLOAT64);
      assertShapeError(
          MessageKeys.BROADCAST, name, () -> op.apply(a, b), shape(5, 1, 3), shape(2, 2));
    }
  }

  @Test
  void staticAdd_shapesThatDoNotBroadcast_throwBroadcastKey() {
    try (var scope = TensorScope.open()) {
      Tensor a = Torch.ones(new long[] {3, 2}, DType.FLOAT64);
      Tensor b = Torch.ones(new long[] {3}, DType.FLOAT64);
      assertShapeError(MessageKeys.BROADCAST, "add", () -> Torch.add(a, b), shape(3, 2), shape(3));
    }
  }

  @Test
  void where_threeShapesThatDoNotBroadcast_throwBroadcastKeyNamingAllThree() {
    try (var scope = TensorScope.open()) {
      Tensor cond = Torch.ones(new long[] {2, 3}, DType.BOOL);
      Tensor a = Torch.ones(new long[] {3}, DType.FLOAT64);
      Tensor b = Torch.ones(new long[] {2, 4}, DType.FLOAT64);
      assertShapeError(
          MessageKeys.BROADCAST,
          "where",
          () -> Torch.where(cond, a, b),
          shape(2, 3),
          shape(3),
          shape(2, 4));
    }
  }

  @Test
  void maskedFill_maskThatDoesNotBroadcast_throwBroadcastKeyNamingBothShapes() {
    try (var scope = TensorScope.open()) {
      Tensor a = Torch.ones(new long[] {2, 3}, DType.FLOAT64);
      Tensor mask = Torch.ones(new long[] {2}, DType.BOOL);
      assertShapeError(
          MessageKeys.BROADCAST,
          "maskedFill",
          () -> a.maskedFill(mask, 0.0),
          shape(2, 3),
          shape(2));
    }
  }

  @Test
  void inPlaceAdd_otherThatDoesNotBroadcast_throwBroadcastKeyAndLeavesReceiverUnchanged() {
    try (var scope = TensorScope.open()) {
      Tensor a = Torch.ones(new long[] {2, 3}, DType.FLOAT64);
      Tensor b = Torch.ones(new long[] {4}, DType.FLOAT64);
      assertShapeError(MessageKeys.BROADCAST, "add_", () -> a.add_(b), shape(2, 3), shape(4));
      assertArrayEquals(new double[] {1, 1, 1, 1, 1, 1}, a.toDoubleArray(), 0.0);
    }
  }

  @Test
  void inPlaceMul_broadcastThatWouldGrowTheReceiver_throwShapeExceptionNamingBothShapes() {
    try (var scope = TensorScope.open()) {
      Tensor a = Torch.ones(new long[] {3}, DType.FLOAT64);
      Tensor b = Torch.ones(new long[] {2, 3}, DType.FLOAT64);
      assertShapeError(
          MessageKeys.BROADCAST_INPLACE, "mul_", () -> a.mul_(b), shape(3), shape(2, 3));
      assertArrayEquals(new double[] {1, 1, 1}, a.toDoubleArray(), 0.0);
    }
  }

  @Test
  void addAlpha_shapesThatDoNotBroadcast_throwBroadcastKey() {
    try (var scope = TensorScope.open()) {
      Tensor a = Torch.ones(new long[] {2, 3}, DType.FLOAT64);
      Tensor b = Torch.ones(new long[] {2}, DType.FLOAT64);
      assertShapeError(MessageKeys.BROADCAST, "add", () -> a.add(b, 2.0), shape(2, 3), shape(2));
    }
  }

  @Test
  void addcmul_threeShapesThatDoNotBroadcast_throwBroadcastKeyNamingAllThree() {
    try (var scope = TensorScope.open()) {
      Tensor x = Torch.ones(new long[] {2, 3}, DType.FLOAT64);
      Tensor t1 = Torch.ones(new long[] {3}, DType.FLOAT64);
      Tensor t2 = Torch.ones(new long[] {2}, DType.FLOAT64);
      assertShapeError(
          MessageKeys.BROADCAST,
          "addcmul",
          () -> Torch.addcmul(x, t1, t2, 1.0),
          shape(2, 3),
          shape(3),
          shape(2));
      assertShapeError(
          MessageKeys.BROADCAST, "addcdiv", () -> x.addcdiv(t1, t2, 1.0), shape(2, 3), shape(2));
    }
  }

  @Test
  void inPlaceAddcmul_secondFactorThatWouldGrowTheReceiver_throwsAndLeavesReceiverUnchanged() {
    try (var scope = TensorScope.open()) {
      Tensor a = Torch.ones(new long[] {3}, DType.FLOAT64);
      Tensor t1 = Torch.ones(new long[] {3}, DType.FLOAT64);
      Tensor t2 = Torch.ones(new long[] {2, 3}, DType.FLOAT64);
      assertShapeError(
          MessageKeys.BROADCAST_INPLACE,
          "addcmul_",
          () -> a.addcmul_(t1, t2, 1.0),
          shape(3),
          shape(2, 3));
      assertArrayEquals(new double[] {1, 1, 1}, a.toDoubleArray(), 0.0);
    }
  }

  @Test
  void inPlaceAddcdiv_factorThatDoesNotBroadcast_throwBroadcastKeyAndLeavesReceiverUnchanged() {
    try (var scope = TensorScope.open()) {
      Tensor a = Torch.ones(new long[] {2, 3}, DType.FLOAT64);
      Tensor t1 = Torch.ones(new long[] {4}, DType.FLOAT64);
      Tensor t2 = Torch.ones(new long[] {2, 3}, DType.FLOAT64);
      assertShapeError(
          MessageKeys.BROADCAST, "addcdiv_", () -> a.addcdiv_(t1, t2, 1.0), shape(2, 3), shape(4));
      assertArrayEquals(new double[] {1, 1, 1, 1, 1, 1}, a.toDoubleArray(), 0.0);
    }
  }
}
