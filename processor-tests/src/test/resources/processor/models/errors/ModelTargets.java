package errors;

import dev.shapetorch.nn.Model;
import dev.shapetorch.nn.Module;
import dev.shapetorch.nn.ModuleVisitor;
import dev.shapetorch.nn.linear.Linear;

class ModelTargets {
  @Model
  // :: error: (model.target)
  interface AnInterface extends Module {}

  @Model
  // :: error: (model.target)
  enum AnEnum implements Module {
    ONLY;

    @Override
    public void visitChildren(ModuleVisitor v) {}
  }

  @Model
  // :: error: (model.target)
  private record PrivateRecord(Linear fc) implements Module {
    @Override
    public void visitChildren(ModuleVisitor v) {}
  }

  static class Generic<T> {
    @Model
    // :: error: (model.target)
    class InnerOfAGenericClass implements Module {
      final Linear fc = new Linear(2, 2);

      @Override
      public void visitChildren(ModuleVisitor v) {}
    }
  }

  @Model
  // :: error: (model.module)
  static final class NotAModule {
    final Linear fc = new Linear(2, 2);
  }
}
