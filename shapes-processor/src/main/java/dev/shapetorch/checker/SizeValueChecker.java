package dev.shapetorch.checker;

import com.sun.source.tree.ClassTree;
import org.checkerframework.common.basetype.BaseTypeChecker;
import org.checkerframework.common.basetype.BaseTypeVisitor;
import org.checkerframework.common.value.ValueChecker;
import org.checkerframework.common.value.ValueVisitor;

/**
 * The Checker Framework's Constant Value Checker as the Shape Checker's subchecker: its type
 * factory and dataflow analysis are the stock ones (so {@code int n = 3} is known to be 3), but
 * it reports nothing of its own. The Shape Checker only asks it for values; its own checks
 * (array lengths, ranges) are not what a user of the Shape Checker asked for, and skipping them
 * saves a pass over every class.
 */
public final class SizeValueChecker extends ValueChecker {

  /** Creates the subchecker (the Checker Framework instantiates it by reflection). */
  public SizeValueChecker() {}

  @Override
  protected BaseTypeVisitor<?> createSourceVisitor() {
    return new FlowOnlyVisitor(this);
  }

  /** Runs the Value Checker's dataflow on each class (in visitClass) and checks nothing. */
  private static final class FlowOnlyVisitor extends ValueVisitor {
    FlowOnlyVisitor(BaseTypeChecker checker) {
      super(checker);
    }

    @Override
    public void processClassTree(ClassTree classTree) {
      // The dataflow analysis of this class (and its nested classes and lambdas) has already
      // run in visitClass; there is nothing to report.
    }
  }
}
