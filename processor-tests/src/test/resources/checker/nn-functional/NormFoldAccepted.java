import dev.shapetorch.nn.functional.F;
import dev.shapetorch.nn.normalization.BatchNorm3d;
import dev.shapetorch.nn.normalization.InstanceNorm1d;
import dev.shapetorch.nn.normalization.InstanceNorm2d;
import dev.shapetorch.nn.normalization.InstanceNorm3d;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/** Instance norms (batched and unbatched), local response norm, unfold's and fold's shapes. */
class NormFoldAccepted {
  final InstanceNorm1d in1 = new InstanceNorm1d(3);
  final InstanceNorm2d in2 = new InstanceNorm2d(4);
  final InstanceNorm3d in3 = new InstanceNorm3d(2);
  final BatchNorm3d bn3 = new BatchNorm3d(2);

  void use(@Shape({"N", "3", "L"}) Tensor seq, @Shape({"3", "L"}) Tensor one,
      @Shape({"N", "4", "H", "W"}) Tensor img, @Shape({"4", "H", "W"}) Tensor oneImg,
      @Shape({"N", "2", "D", "H", "W"}) Tensor vol, @Shape({"2", "5", "6"}) Tensor x,
      @Shape({"1", "3", "5", "6"}) Tensor pic, @Shape({"1", "12", "12"}) Tensor cols) {
    @Shape({"N", "3", "L"}) Tensor a = in1.forward(seq);
    @Shape({"3", "L"}) Tensor b = in1.forward(one);
    @Shape({"N", "4", "H", "W"}) Tensor c = in2.forward(img);
    @Shape({"4", "H", "W"}) Tensor d = in2.forward(oneImg);
    @Shape({"N", "2", "D", "H", "W"}) Tensor e = in3.forward(vol);
    @Shape({"N", "2", "D", "H", "W"}) Tensor f = bn3.forward(vol);
    @Shape({"2", "5", "6"}) Tensor g = F.localResponseNorm(x, 2);
    @Shape({"N", "4", "H", "W"}) Tensor h = F.instanceNorm(img);
    @Shape({"1", "12", "20"}) Tensor i = F.unfold(pic, 2);
    @Shape({"1", "18", "18"}) Tensor j = F.unfold(pic, new long[] {2, 3}, new long[] {1},
        new long[] {1}, new long[] {2, 1});
    @Shape({"1", "3", "4", "5"}) Tensor k = F.fold(cols, new long[] {4, 5}, new long[] {2});
  }
}
