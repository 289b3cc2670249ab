package dev.shapetorch.checker;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * The coverage tests' view of the checker's test cases (RuleCoverageTest, DTypeCoverageTest):
 * compiled without the checker, every method or constructor call as javac attributed it, handed
 * to a reading that keeps what its test needs ({@code records}), while the trees are alive.
 *
 * @param <T> what the reading keeps of a call
 */
@SupportedAnnotationTypes("*")
final class CallRecorder<T> extends AbstractProcessor {
  /** What the reading kept, in source order. */
  final List<T> records = new ArrayList<>();
  private final BiConsumer<Call, Consumer<T>> reading;

  /** A recorder whose {@code reading} adds what it keeps of each call to its consumer. */
  CallRecorder(BiConsumer<Call, Consumer<T>> reading) {
    this.reading = reading;
  }

  /** One call: its callee, its file's URI, its first and last line, and its tree path. */
  record Call(ExecutableElement callee, String file, long first, long last, TreePath path) {

    /**
     * True if the call's result initialises a variable, is returned from a method or is
     * iterated into a variable that is annotated {@code @simpleName} ({@code "Shape"}).
     */
    boolean meetsDeclared(String simpleName) {
      Tree parent = path.getParentPath().getLeaf();
      if (parent instanceof VariableTree v && v.getInitializer() == path.getLeaf()) {
        return annotated(v.getModifiers(), simpleName);
      }
      if (parent instanceof EnhancedForLoopTree loop && loop.getExpression() == path.getLeaf()) {
        return annotated(loop.getVariable().getModifiers(), simpleName);
      }
      if (parent instanceof ReturnTree) {
        for (TreePath p = path; p != null; p = p.getParentPath()) {
          if (p.getLeaf() instanceof MethodTree m) {
            return annotated(m.getModifiers(), simpleName);
          }
        }
      }
      return false;
    }

    private static boolean annotated(ModifiersTree modifiers, String simpleName) {
      for (AnnotationTree a : modifiers.getAnnotations()) {
        String type = a.getAnnotationType().toString();
        if (type.equals(simpleName) || type.endsWith("." + simpleName)) {
          return true;
        }
      }
      return false;
    }
  }

  /** True if one of the lines {@code first..last} is in {@code lines}. */
  static boolean anyLineIn(long first, long last, Set<Long> lines) {
    for (long l = first; l <= last; l++) {
      if (lines.contains(l)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public synchronized void init(ProcessingEnvironment env) {
    super.init(env);
    Trees trees = Trees.instance(env);
    JavacTask.instance(env).addTaskListener(new TaskListener() {
      @Override
      public void finished(TaskEvent e) {
        if (e.getKind() == TaskEvent.Kind.ANALYZE) {
          new Scanner(trees, e.getCompilationUnit()).scan(e.getCompilationUnit(), null);
        }
      }
    });
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    return false;
  }

  /** Hands every attributed call of one file to the reading. */
  private final class Scanner extends TreePathScanner<Void, Void> {
    private final Trees trees;
    private final CompilationUnitTree unit;
    private final SourcePositions positions;

    Scanner(Trees trees, CompilationUnitTree unit) {
      this.trees = trees;
      this.unit = unit;
      this.positions = trees.getSourcePositions();
    }

    @Override
    public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
      read(node);
      return super.visitMethodInvocation(node, unused);
    }

    @Override
    public Void visitNewClass(NewClassTree node, Void unused) {
      read(node);
      return super.visitNewClass(node, unused);
    }

    private void read(Tree node) {
      Element callee = trees.getElement(getCurrentPath());
      if (!(callee instanceof ExecutableElement executable)) {
        return;
      }
      long first = unit.getLineMap().getLineNumber(positions.getStartPosition(unit, node));
      long last = unit.getLineMap().getLineNumber(positions.getEndPosition(unit, node));
      reading.accept(new Call(executable, unit.getSourceFile().toUri().toString(), first, last,
          getCurrentPath()), records::add);
    }
  }
}
