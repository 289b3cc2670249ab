package dev.shapetorch.processor;

import com.sun.source.tree.CompilationUnitTree;
import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * One op declared with {@code @Variants}: its kernel (a static method of a family class), the
 * forms to generate, its Javadoc and the compilation unit whose imports its Javadoc relies on.
 */
record OpDeclaration(
    ExecutableElement kernel,
    List<String> variants,
    String doc,
    CompilationUnitTree unit) {

  TypeElement family() {
    return (TypeElement) kernel.getEnclosingElement();
  }

  String name() {
    return kernel.getSimpleName().toString();
  }

  @SuppressWarnings("unchecked")
  List<VariableElement> parameters() {
    return (List<VariableElement>) kernel.getParameters();
  }
}
