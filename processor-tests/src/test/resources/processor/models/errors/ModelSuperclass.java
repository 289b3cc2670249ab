package errors;

import dev.shapetorch.nn.Model;
import dev.shapetorch.nn.Module;
import dev.shapetorch.nn.ModuleVisitor;
import dev.shapetorch.nn.linear.Linear;

class ModelSuperclass {
  static class PlainBase {
    final Linear inherited = new Linear(2, 2);
  }

  @Model
  // :: error: (model.superclass)
  static final class Derived extends PlainBase implements Module {
    final Linear own = new Linear(2, 2);

    @Override
    public void visitChildren(ModuleVisitor v) {}
  }

  abstract static class VisitsByHand implements Module {
    private final Linear base = new Linear(2, 2);

    @Override
    public void visitChildren(ModuleVisitor v) {
      v.module("base", base);
    }
  }

  @Model
  static final class ExtendsAHandWrittenModule extends VisitsByHand {
    final Linear own = new Linear(2, 2);
  }
}
