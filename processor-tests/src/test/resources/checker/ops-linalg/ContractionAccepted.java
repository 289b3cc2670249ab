import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.util.List;

/**
 * tensordot, kron, cdist, diag and meshgrid have PyTorch's shapes at compile time: contracted
 * dims drop out, kron multiplies aligned sizes, cdist gives rows by rows, diag makes a matrix of a
 * vector and takes a diagonal of a matrix, every meshgrid output has the grid's shape.
 */
class ContractionAccepted {
  void use(@Shape({"B", "K"}) Tensor x, @Shape({"K", "P"}) Tensor w,
      @Shape({"N", "D"}) Tensor points, @Shape({"M", "D"}) Tensor centres,
      @Shape({"N"}) Tensor v) {
    @Shape({"B", "P"}) Tensor product = Torch.tensordot(x, w, 1);
    @Shape({"B", "K", "K", "P"}) Tensor outer = Torch.tensordot(x, w, 0);
    @Shape({"2", "5"}) Tensor pairs = Torch.tensordot(Torch.zeros(2, 3, 4), Torch.zeros(4, 3, 5),
        new long[] {1, 2}, new long[] {1, 0});
    @Shape({"8", "15"}) Tensor k = Torch.kron(Torch.zeros(2, 3), Torch.zeros(4, 5));
    @Shape({"N", "M"}) Tensor d = Torch.cdist(points, centres);
    @Shape({"N", "M"}) Tensor manhattan = Torch.cdist(points, centres, 1.0);
    @Shape({"N", "N"}) Tensor square = Torch.diag(v);
    @Shape({"N+2", "N+2"}) Tensor shifted = v.diag(2);
    @Shape({"3"}) Tensor main = Torch.diag(Torch.zeros(3, 5));
    List<@Shape({"2", "3"}) Tensor> grid = Torch.meshgrid("ij", Torch.zeros(2), Torch.zeros(3));
    @Shape({"3", "2"}) Tensor gx = Torch.meshgrid("xy", Torch.zeros(2), Torch.zeros(3)).get(0);
    for (@Shape({"N", "2"}) Tensor g : Torch.meshgrid(List.of(v, Torch.zeros(2)), "ij")) {
      g.sum();
    }
  }
}
