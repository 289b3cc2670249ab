package golden;

import dev.shapetorch.nn.Model;
import dev.shapetorch.nn.Module;
import dev.shapetorch.nn.ModuleVisitor;
import dev.shapetorch.nn.conv.Conv2d;
import dev.shapetorch.nn.linear.Linear;

/** LeNet-5 for 28x28 images, as model_names.py builds it in PyTorch. */
@Model
public record LeNet(Conv2d conv1, Conv2d conv2, Linear fc1, Linear fc2, Linear fc3)
    implements Module {
  /** The layers with PyTorch's sizes. */
  public static LeNet create() {
    return new LeNet(
        new Conv2d(1, 6, 5, 1, 2),
        new Conv2d(6, 16, 5),
        new Linear(16 * 5 * 5, 120),
        new Linear(120, 84),
        new Linear(84, 10));
  }

  @Override
  public void visitChildren(ModuleVisitor v) {
    LeNetChildren.visit(this, v);
  }
}
