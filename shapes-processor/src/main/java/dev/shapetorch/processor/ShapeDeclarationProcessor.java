package dev.shapetorch.processor;

import com.google.auto.service.AutoService;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * Checks ShapeTorch's declarations while javac compiles them: cheap, always on (discovered through
 * {@code META-INF/services}), independent of the shape checker.
 *
 * <p>It reports, each with a {@linkplain Messages key} and the declaration's position:
 *
 * <ul>
 *   <li>{@code @Shape} strings that do not parse, quoting the text and pointing at the character
 *       ({@link Messages#SYNTAX});
 *   <li>shape variables of a result that no parameter or receiver binds ({@link Messages#UNBOUND});
 *   <li>dependent dimensions naming no int in scope ({@link Messages#DEPENDENT}, {@link
 *       Messages#DEPENDENT_TYPE}); the naming rule is {@link ShapeNames};
 *   <li>{@code @ShapeRule}s that do not fit their method ({@link Messages#RULE_ARITY}, {@link
 *       Messages#RULE_KIND}, {@link Messages#RULE_ARGS});
 *   <li>conflicting or misplaced annotations ({@link Messages#CONFLICT}, {@link Messages#TARGET},
 *       {@link Messages#DIM_TYPE}, {@link Messages#DIM_NAME}).
 * </ul>
 *
 * <p>{@code @Shape} is a type annotation, and javac does not count type annotations as "present"
 * when it chooses which processors to call, so this processor asks for every round ({@code "*"})
 * and claims nothing. It reads the source trees of each compilation unit once: that is where the
 * annotations inside method bodies and on constructor results are, which the element API does not
 * show. It never throws: a failure of its own becomes a {@link Messages#INTERNAL} warning.
 */
@AutoService(Processor.class)
public final class ShapeDeclarationProcessor extends AbstractProcessor {
  private Trees trees;
  private Reporter reporter;
  private DeclarationScanner scanner;
  private final Set<CompilationUnitTree> done = Collections.newSetFromMap(new IdentityHashMap<>());

  /** Created by javac's service loader. */
  public ShapeDeclarationProcessor() {}

  @Override
  public synchronized void init(ProcessingEnvironment env) {
    super.init(env);
    try {
      trees = Trees.instance(env);
    } catch (IllegalArgumentException notJavac) {
      trees = null; // another compiler (e.g. ecj): these checks need javac's trees
      return;
    }
    reporter = new Reporter(env.getMessager(), trees);
    RuleFit rules = new RuleFit(reporter, env.getTypeUtils(), env.getElementUtils());
    SignatureChecks signatures = new SignatureChecks(trees, reporter, rules);
    scanner = new DeclarationScanner(trees, env.getElementUtils(), reporter, signatures);
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of("*");
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    if (trees == null) {
      return false;
    }
    for (Element root : round.getRootElements()) {
      try {
        TreePath path = trees.getPath(root);
        if (path == null || !done.add(path.getCompilationUnit())) {
          continue;
        }
        scanner.scanUnit(path.getCompilationUnit());
      } catch (RuntimeException | LinkageError | AssertionError | StackOverflowError e) {
        reporter.internal(getClass().getSimpleName(), e, root);
      }
    }
    return false;
  }
}
