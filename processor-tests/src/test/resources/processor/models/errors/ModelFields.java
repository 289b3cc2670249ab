package errors;

import dev.shapetorch.nn.Buffer;
import dev.shapetorch.nn.Model;
import dev.shapetorch.nn.Module;
import dev.shapetorch.nn.ModuleVisitor;
import dev.shapetorch.nn.Parameter;
import dev.shapetorch.nn.linear.Linear;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

@Model
final class ModelFields implements Module {
  // :: error: (model.field.mutable)
  Linear notFinal;

  // :: error: (model.field.mutable)
  List<Linear> notFinalList;

  // :: error: (model.field.private)
  private final Linear hidden = null;

  // :: error: (model.field.private)
  private final Parameter wrongAccessorType = null;

  private final Buffer reachable = null;

  // :: error: (model.field.container)
  final Map<String, Linear> byName = null;

  // :: error: (model.field.container)
  final Optional<Linear> maybe = null;

  // :: error: (model.field.container)
  final Set<Parameter> unordered = null;

  // :: error: (model.field.container)
  final List<List<Linear>> grid = null;

  // :: error: (model.field.container)
  final Linear[][] matrix = null;

  final int hiddenSize = 3;

  final List<Integer> sizes = List.of(1, 2);

  Buffer reachable() {
    return reachable;
  }

  Linear wrongAccessorType() {
    return null;
  }

  @Override
  public void visitChildren(ModuleVisitor v) {}
}
