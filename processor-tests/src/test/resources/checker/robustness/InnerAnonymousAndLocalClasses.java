import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.util.function.Supplier;

/** Calls inside nested, anonymous and local classes are checked like any other. */
class InnerAnonymousAndLocalClasses {
  class Inner {
    @Shape({"2", "2"}) Tensor square() {
      return Torch.eye(2);
    }
  }

  Supplier<Tensor> anonymous() {
    return new Supplier<Tensor>() {
      @Override
      public Tensor get() {
        // :: error: (shape.mismatch.matmul)
        return Torch.zeros(2, 3).matmul(Torch.zeros(2, 3));
      }
    };
  }

  void local() {
    class Local {
      @Shape({"3"}) Tensor v = Torch.zeros(3);
    }
    new Local();
  }
}
