import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/** Sizes are compared in normal form: 2*B is B+B, and (H*W)/W is H. */
class EqualExpressionsAgree {
  static @Shape({"B+B", "H"}) Tensor f(@Shape({"2*B", "(H*W)/W"}) Tensor x) {
    return x;
  }

  static @Shape({"B+1", "H"}) Tensor g(@Shape({"2*B", "H"}) Tensor x) {
    // :: error: (shape.return) dim 0: found 2*B, required B+1
    return x;
  }
}
