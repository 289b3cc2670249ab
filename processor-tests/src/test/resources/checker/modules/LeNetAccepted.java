import dev.shapetorch.nn.conv.Conv2d;
import dev.shapetorch.nn.linear.Linear;
import dev.shapetorch.nn.pooling.MaxPool2d;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/** LeNet-5 on 28x28 images, written as in PyTorch: zero diagnostics. */
class LeNetAccepted {
  final Conv2d conv1 = new Conv2d(1, 6, 5, 1, 2);
  final Conv2d conv2 = new Conv2d(6, 16, 5);
  final MaxPool2d pool = new MaxPool2d(2);
  final Linear fc1 = new Linear(16 * 5 * 5, 120);
  final Linear fc2 = new Linear(120, 84);
  final Linear fc3 = new Linear(84, 10);

  @Shape({"B", "10"}) Tensor forward(@Shape({"B", "1", "28", "28"}) Tensor x) {
    var h = pool.forward(conv1.forward(x).relu());
    h = pool.forward(conv2.forward(h).relu());
    var flat = h.flatten(1, -1);
    return fc3.forward(fc2.forward(fc1.forward(flat).relu()).relu());
  }
}
