package golden;

import dev.shapetorch.nn.Model;
import dev.shapetorch.nn.Module;
import dev.shapetorch.nn.ModuleVisitor;
import dev.shapetorch.nn.Parameter;
import dev.shapetorch.nn.linear.Linear;
import java.util.List;

/** A generic model with a list of any modules and arrays of parameters and layers. */
@Model
record Tower<M extends Module>(List<M> floors, M roof, Parameter[] extras, Linear[] heads)
    implements Module {
  @Override
  public void visitChildren(ModuleVisitor v) {
    TowerChildren.visit(this, v);
  }
}
