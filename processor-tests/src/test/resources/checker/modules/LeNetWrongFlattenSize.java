import dev.shapetorch.nn.conv.Conv2d;
import dev.shapetorch.nn.linear.Linear;
import dev.shapetorch.nn.pooling.MaxPool2d;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/** The classic LeNet bug: fc1 sized for 32x32 inputs (16*5*5) but fed 28x28 ones (16*4*4). */
class LeNetWrongFlattenSize {
  final Conv2d conv1 = new Conv2d(1, 6, 5);
  final Conv2d conv2 = new Conv2d(6, 16, 5);
  final MaxPool2d pool = new MaxPool2d(2);
  final Linear fc1 = new Linear(16 * 5 * 5, 120);

  @Shape({"B", "120"}) Tensor forward(@Shape({"B", "1", "28", "28"}) Tensor x) {
    var h = pool.forward(conv1.forward(x).relu());
    h = pool.forward(conv2.forward(h).relu());
    // :: error: (shape.mismatch.argument) argument input is [B, 256], required [*batch, In] with In = 400
    return fc1.forward(h.flatten(1, -1));
  }
}
