package dev.shapetorch.processor;

import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * The {@code dev.shapetorch.nn} types the model processor needs, looked up by name: the processor
 * must not depend on the runtime (which pulls in libtorch), only on what the user's classpath
 * holds.
 *
 * @param module {@code dev.shapetorch.nn.Module}
 * @param visitor {@code dev.shapetorch.nn.ModuleVisitor}
 * @param parameter {@code dev.shapetorch.nn.Parameter}
 * @param buffer {@code dev.shapetorch.nn.Buffer}
 * @param model {@code dev.shapetorch.nn.Model}
 */
record NnTypes(
    TypeElement module,
    TypeElement visitor,
    TypeElement parameter,
    TypeElement buffer,
    TypeElement model) {

  /** The package. */
  static final String PACKAGE = "dev.shapetorch.nn";

  /** The annotation's canonical name. */
  static final String MODEL = PACKAGE + ".Model";

  /** The types, or null if any is missing from the classpath. */
  static NnTypes lookUp(Elements elements) {
    TypeElement module = elements.getTypeElement(PACKAGE + ".Module");
    TypeElement visitor = elements.getTypeElement(PACKAGE + ".ModuleVisitor");
    TypeElement parameter = elements.getTypeElement(PACKAGE + ".Parameter");
    TypeElement buffer = elements.getTypeElement(PACKAGE + ".Buffer");
    TypeElement model = elements.getTypeElement(MODEL);
    if (module == null || visitor == null || parameter == null || buffer == null || model == null) {
      return null;
    }
    return new NnTypes(module, visitor, parameter, buffer, model);
  }

  /** True if {@code type} is a module (a subtype of {@code Module}, erasure considered). */
  boolean isModule(TypeMirror type, Types types) {
    return types.isAssignable(types.erasure(type), types.erasure(module.asType()));
  }

  /** True if {@code type} is {@code Parameter}. */
  boolean isParameter(TypeMirror type, Types types) {
    return types.isSameType(types.erasure(type), types.erasure(parameter.asType()));
  }

  /** True if {@code type} is {@code Buffer}. */
  boolean isBuffer(TypeMirror type, Types types) {
    return types.isSameType(types.erasure(type), types.erasure(buffer.asType()));
  }
}
