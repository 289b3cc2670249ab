package dev.shapetorch.distributed;

import dev.shapetorch.nn.AbstractModule;
import dev.shapetorch.nn.ModuleVisitor;
import dev.shapetorch.nn.UnaryModule;
import dev.shapetorch.nn.linear.Linear;
import dev.shapetorch.tensor.Tensor;

/** A model with a head its forward never uses, for DDP's unused-parameter search. */
final class TwoHeads extends AbstractModule implements UnaryModule {
  final Linear used = new Linear(6, 3);
  final Linear unused = new Linear(6, 3);

  @Override
  public void visitChildren(ModuleVisitor visitor) {
    visitor.module("used", used);
    visitor.module("unused", unused);
  }

  @Override
  public Tensor forward(Tensor input) {
    return used.forward(input);
  }
}
