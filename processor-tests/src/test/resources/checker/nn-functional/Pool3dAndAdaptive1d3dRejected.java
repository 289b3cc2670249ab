import dev.shapetorch.nn.functional.F;
import dev.shapetorch.nn.pooling.AvgPool1d;
import dev.shapetorch.nn.pooling.MaxPool3d;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/**
 * A 3-D window deeper than the input, a 3-D pooling of a flat tensor, a padding over half the
 * kernel; adaptive 1-D pooling of a 1-D tensor, adaptive 3-D pooling of a sequence or with two
 * sizes; the layers' forwards on inputs too small or of the wrong rank.
 */
class Pool3dAndAdaptive1d3dRejected {
  final MaxPool3d cube = new MaxPool3d(2);
  final AvgPool1d wide = new AvgPool1d(4);

  void functions(@Shape({"N", "C", "1", "4", "4"}) Tensor thin, @Shape({"N", "8"}) Tensor flat,
      @Shape({"N", "C", "8"}) Tensor seq, @Shape({"8"}) Tensor line,
      @Shape({"N", "C", "8", "8", "8"}) Tensor vol) {
    // :: error: (shape.conv.size)
    F.maxPool3d(thin, 2);
    // :: error: (shape.rank.conv)
    F.avgPool3d(flat, 2);
    // :: error: (shape.conv.params)
    F.maxPool3d(vol, new long[] {2}, new long[] {2}, new long[] {2}, new long[] {1}, false);
    // :: error: (shape.rank.conv)
    F.adaptiveAvgPool1d(line, 2);
    // :: error: (shape.rank.conv)
    Torch.adaptiveMaxPool3d(seq, 2);
    // :: error: (shape.conv.params)
    F.adaptiveAvgPool3d(vol, 2, 3);
  }

  void layers(@Shape({"C", "8", "8", "8"}) Tensor unbatched, @Shape({"N", "C", "3"}) Tensor seq) {
    // :: error: (shape.rank)
    cube.forward(unbatched);
    // :: error: (shape.conv.size)
    wide.forward(seq);
  }
}
