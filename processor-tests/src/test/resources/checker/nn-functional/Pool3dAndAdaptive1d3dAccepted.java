import dev.shapetorch.nn.functional.F;
import dev.shapetorch.nn.pooling.AdaptiveAvgPool1d;
import dev.shapetorch.nn.pooling.AdaptiveMaxPool3d;
import dev.shapetorch.nn.pooling.AvgPool1d;
import dev.shapetorch.nn.pooling.AvgPool3d;
import dev.shapetorch.nn.pooling.MaxPool3d;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/**
 * 3-D pooling shrinks depth, height and width (batched or not); 1-D average pooling the length;
 * adaptive 1-D and 3-D pooling set the spatial sizes; the layers' forwards agree.
 */
class Pool3dAndAdaptive1d3dAccepted {
  final MaxPool3d cube = new MaxPool3d(2);
  final AvgPool3d avg = new AvgPool3d(3, 2, 1);
  final AvgPool1d avg1 = new AvgPool1d(3, 2, 1);
  final AdaptiveMaxPool3d amax = new AdaptiveMaxPool3d(2, 3, 1);
  final AdaptiveAvgPool1d aavg1 = new AdaptiveAvgPool1d(3);

  void functions(@Shape({"N", "C", "8", "9", "6"}) Tensor vol,
      @Shape({"C", "8", "9", "6"}) Tensor one, @Shape({"N", "C", "10"}) Tensor seq,
      @Shape({"C", "10"}) Tensor row) {
    @Shape({"N", "C", "4", "4", "3"}) Tensor a = F.maxPool3d(vol, 2);
    @Shape({"C", "4", "4", "3"}) Tensor b = F.avgPool3d(one, 2);
    @Shape({"N", "C", "2", "3", "1"}) Tensor c = F.adaptiveAvgPool3d(vol, 2, 3, 1);
    @Shape({"C", "2", "2", "2"}) Tensor d = Torch.adaptiveMaxPool3d(one, 2);
    @Shape({"N", "C", "3"}) Tensor e = F.adaptiveAvgPool1d(seq, 3);
    @Shape({"C", "4"}) Tensor f = Torch.adaptiveMaxPool1d(row, 4);
    @Shape({"N", "C", "5"}) Tensor g = F.avgPool1d(seq, 2);
  }

  void layers(@Shape({"N", "C", "8", "9", "6"}) Tensor vol,
      @Shape({"N", "C", "10"}) Tensor seq) {
    @Shape({"N", "C", "4", "4", "3"}) Tensor a = cube.forward(vol);
    @Shape({"N", "C", "4", "5", "3"}) Tensor b = avg.forward(vol);
    @Shape({"N", "C", "5"}) Tensor c = avg1.forward(seq);
    @Shape({"N", "C", "2", "3", "1"}) Tensor d = amax.forward(vol);
    @Shape({"N", "C", "3"}) Tensor e = aavg1.forward(seq);
  }
}
