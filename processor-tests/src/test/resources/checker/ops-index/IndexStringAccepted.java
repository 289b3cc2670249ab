import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/**
 * x.index(spec) with a constant index string has the shape Python's x[spec] has: slices keep
 * their dim (a step divides it), integers remove it, None adds one, ... stands for the rest.
 * A ? whose value is not known leaves its sizes unknown (gradual).
 */
class IndexStringAccepted {
  static final String WINDOW = ":, 2:5";

  void use(@Shape({"B", "10"}) Tensor x, @Shape({"N", "3", "8", "8"}) Tensor img, Tensor mask,
      long start) {
    @Shape({"B", "2"}) Tensor cols = x.index(":, 1:3");
    @Shape({"B"}) Tensor last = x.index(":, -1");
    @Shape({"10"}) Tensor row = x.index("0");
    @Shape({"B", "10", "1"}) Tensor column = x.index("..., None");
    @Shape({"1", "B", "5"}) Tensor even = x.index("None, :, ::2");
    @Shape({"N", "3", "4", "4"}) Tensor half = img.index("..., ::2, ::2");
    @Shape({"N", "8"}) Tensor plane = img.index(":, 0, -1");
    @Shape({"B", "3"}) Tensor viaConstant = x.index(WINDOW);
    final String local = "::3";
    @Shape({"(B+2)/3", "10"}) Tensor strided = x.index(local);
    @Shape({"B", "_"}) Tensor runtimeBounds = x.index(":, ?:?", start, start + 2);
    @Shape({"_"}) Tensor picked = x.index("?", mask);
    @Shape({"B", "10"}) Tensor written = x.indexPut_(":, 1:3", Torch.zeros(2));
    x.indexPut_(":, 0", 1.0);
    x.indexPut_("?", 0.0, mask);
    x.maskedFill_(Torch.ones(10).gt(0), 2.0);
  }
}
