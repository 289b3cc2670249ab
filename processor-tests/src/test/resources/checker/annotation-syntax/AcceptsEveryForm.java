import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/** Every form of the shape language parses: no diagnostics. */
class AcceptsEveryForm {
  @Shape({"784"}) Tensor literal;
  @Shape({"B", "Cin"}) Tensor variables;
  @Shape({"N", "C*H*W"}) Tensor product;
  @Shape({"(H+2*P-K)/S+1", "N-1", "n%4"}) Tensor arithmetic;
  @Shape({"_", "10"}) Tensor unknownDim;
  @Shape({"...", "n"}) Tensor anonymousPrefix;
  @Shape({"*batch", "C"}) Tensor namedPrefix;
  @Shape({}) Tensor scalar;
  @Shape({" B ", "( C * 2 )"}) Tensor spaces;
}
