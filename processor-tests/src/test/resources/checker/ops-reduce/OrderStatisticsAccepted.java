import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/**
 * median and mode reduce a dim (values and indices alike); stable sort keeps the shape; mH and
 * H swap the last two dims; bernoulli keeps the shape and randperm(n) is [n].
 */
class OrderStatisticsAccepted {
  void use(@Shape({"B", "C"}) Tensor x, @Shape({"S", "B", "C"}) Tensor batch) {
    @Shape({}) Tensor all = x.median();
    @Shape({"B"}) Tensor rows = x.median(1, false).values();
    @Shape({"1", "C"}) Tensor cols = Torch.median(x, 0, true).indices();
    @Shape({"B"}) Tensor common = x.mode().values();
    @Shape({"B", "1"}) Tensor kept = Torch.mode(x, -1, true).values();
    @Shape({"B", "C"}) Tensor sorted = x.sort(1, false, true).values();
    @Shape({"C", "B"}) Tensor h = x.H();
    @Shape({"S", "C", "B"}) Tensor mh = batch.mH();
    @Shape({"B", "C"}) Tensor coins = x.bernoulli();
    @Shape({"10"}) Tensor perm = Torch.randperm(10);
  }
}
