package dev.shapetorch.processor;

/** The annotations of {@code dev.shapetorch.shapes} that the declaration checks look at. */
enum ShapeAnnotationKind {
  SHAPE("Shape"),
  UNKNOWN_SHAPE("UnknownShape"),
  SHAPE_BOTTOM("ShapeBottom"),
  DIM("Dim"),
  SHAPE_RULE("ShapeRule");

  /** The package all of them live in. */
  static final String PACKAGE = "dev.shapetorch.shapes";

  private final String simpleName;

  ShapeAnnotationKind(String simpleName) {
    this.simpleName = simpleName;
  }

  /** The simple name, e.g. {@code Shape}. */
  String simpleName() {
    return simpleName;
  }

  /** The canonical name, e.g. {@code dev.shapetorch.shapes.Shape}. */
  String qualifiedName() {
    return PACKAGE + "." + simpleName;
  }

  /** True for the three qualifiers of the shape hierarchy (a type use has at most one). */
  boolean isQualifier() {
    return this == SHAPE || this == UNKNOWN_SHAPE || this == SHAPE_BOTTOM;
  }

  /** The kind whose simple name is {@code name}, or null. */
  static ShapeAnnotationKind bySimpleName(String name) {
    for (ShapeAnnotationKind k : values()) {
      if (k.simpleName.equals(name)) {
        return k;
      }
    }
    return null;
  }

  /** The kind whose canonical name is {@code name}, or null. */
  static ShapeAnnotationKind byQualifiedName(String name) {
    for (ShapeAnnotationKind k : values()) {
      if (k.qualifiedName().equals(name)) {
        return k;
      }
    }
    return null;
  }
}
