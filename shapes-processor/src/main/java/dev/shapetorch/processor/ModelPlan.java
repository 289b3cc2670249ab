package dev.shapetorch.processor;

import java.util.List;

/**
 * What {@link ChildrenWriter} generates for one {@code @Model}: the traversal of its children, in
 * declaration order.
 *
 * @param packageName the model's package ({@code ""} for the unnamed one)
 * @param modelName the model's name relative to its package ({@code Outer.Inner})
 * @param modelReference how the generated code names the type ({@code Stack<?>} for a generic
 *     model)
 * @param generatedName the generated class's simple name ({@code Outer_InnerChildren})
 * @param superChildren the fully qualified generated class of a {@code @Model} superclass, visited
 *     first, or null
 * @param children the fields or record components to visit
 * @param isPublic true if the model is public (so is the generated class)
 * @param sourceName the model's source file, for the header comment
 */
record ModelPlan(
    String packageName,
    String modelName,
    String modelReference,
    String generatedName,
    String superChildren,
    List<Child> children,
    boolean isPublic,
    String sourceName) {

  /** What one child holds. */
  enum Holds {
    MODULE("module", "IndexedModules", "ModuleList"),
    PARAMETER("parameter", "IndexedParameters", "ParameterList"),
    BUFFER("buffer", "IndexedBuffers", "BufferList");

    private final String word;
    private final String adapter;
    private final String label;

    Holds(String word, String adapter, String label) {
      this.word = word;
      this.adapter = adapter;
      this.label = label;
    }

    /** {@code module}, {@code parameter} or {@code buffer}: also the visitor's method. */
    String word() {
      return word;
    }

    /** The generated adapter class that shows a list of these as one module. */
    String adapter() {
      return adapter;
    }

    /** The PyTorch-style name the adapter prints ({@code ModuleList}). */
    String label() {
      return label;
    }
  }

  /** How the child holds it: one value, a {@code List}, or an array. */
  enum Container {
    ONE,
    LIST,
    ARRAY
  }

  /**
   * One child.
   *
   * @param name the field or component name, which is the name PyTorch would use
   * @param holds what it holds
   * @param container one value, a list or an array
   * @param access the expression that reads it from {@code self} ({@code self.fc1()})
   */
  record Child(String name, Holds holds, Container container, String access) {}

  /** The generated class's fully qualified name. */
  String qualifiedGeneratedName() {
    return packageName.isEmpty() ? generatedName : packageName + "." + generatedName;
  }
}
