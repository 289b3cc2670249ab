package golden;

import dev.shapetorch.nn.Buffer;
import dev.shapetorch.nn.Model;
import dev.shapetorch.nn.Module;
import dev.shapetorch.nn.ModuleVisitor;
import dev.shapetorch.nn.Parameter;
import dev.shapetorch.nn.linear.Linear;
import dev.shapetorch.tensor.Torch;
import java.util.ArrayList;
import java.util.List;

/**
 * A class-based model, as model_names.py builds it in PyTorch: a layer, a list of blocks (a
 * record with its own parameter and buffer declared after its layer), a head reached through
 * an accessor, and a hyperparameter that is not a child.
 */
@Model
public final class Stack implements Module {
  final Linear embed;
  final List<Block> blocks;
  private final Linear head;
  final int width;

  /** {@code depth} blocks of {@code width} features. */
  public Stack(int width, int depth) {
    this.width = width;
    this.embed = new Linear(2L * width, width);
    List<Block> list = new ArrayList<>();
    for (int i = 0; i < depth; i++) {
      list.add(Block.of(width));
    }
    this.blocks = List.copyOf(list);
    this.head = new Linear(width, 2);
  }

  Linear head() {
    return head;
  }

  @Override
  public void visitChildren(ModuleVisitor v) {
    StackChildren.visit(this, v);
  }

  /** One block: a layer, a scale and a counter. */
  @Model
  public record Block(Linear fc, Parameter scale, Buffer count) implements Module {
    static Block of(int width) {
      return new Block(
          new Linear(width, width), new Parameter(Torch.ones(width)), new Buffer(Torch.zeros(1)));
    }

    @Override
    public void visitChildren(ModuleVisitor v) {
      Stack_BlockChildren.visit(this, v);
    }
  }
}
