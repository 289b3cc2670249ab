package golden;

import dev.shapetorch.nn.Model;
import dev.shapetorch.nn.Module;
import dev.shapetorch.nn.ModuleVisitor;
import dev.shapetorch.nn.linear.Linear;
import dev.shapetorch.shapes.Shape;

/** The example of {@code @Model}'s documentation: a record of two layers. */
@Model
public record Mlp(@Shape({"784", "128"}) Linear fc1, @Shape({"128", "10"}) Linear fc2)
    implements Module {
  @Override
  public void visitChildren(ModuleVisitor v) {
    MlpChildren.visit(this, v);
  }
}
