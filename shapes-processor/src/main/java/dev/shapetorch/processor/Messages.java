package dev.shapetorch.processor;

import dev.shapetorch.shapes.rules.MessageKeys;
import java.util.List;

/**
 * The diagnostic keys of ShapeTorch's annotation processors. Every message a processor prints
 * starts with its key in brackets ({@code [shape.annotation.unbound] ...}), so builds, IDEs and
 * tests can match on the key while the prose around it improves. Tests import these constants.
 *
 * <p>Keys run general to specific. Declaration checks ({@link ShapeDeclarationProcessor}) use
 * {@code shape.annotation.*}, {@code shape.dim.*} and {@code shape.rule.*}; model plumbing ({@link
 * ModelProcessor}) uses {@code model.*}; generated gradient algebras ({@link
 * BackpropRecordProcessor}) use {@code backprop.*}.
 */
public final class Messages {
  private Messages() {}

  /** A {@code @Shape} string does not parse; the message quotes it and points at the character. */
  public static final String SYNTAX = MessageKeys.ANNOTATION_SYNTAX;

  /**
   * A shape variable in a result (return type, constructor result) that no parameter, receiver or
   * {@code @Dim("X")} binds.
   */
  public static final String UNBOUND = "shape.annotation.unbound";

  /**
   * A name with a lower-case initial that names no int parameter, {@code @Dim} or final int in
   * scope (lower-case names are dependent dimensions; see {@link ShapeNames}).
   */
  public static final String DEPENDENT = "shape.annotation.dependent";

  /**
   * A dependent dimension that names something in scope which is not an integral parameter or a
   * final integral variable (a {@code double} parameter, a non-final field...).
   */
  public static final String DEPENDENT_TYPE = "shape.annotation.dependent.type";

  /** {@code @Shape} together with {@code @UnknownShape} or {@code @ShapeBottom} on one type use. */
  public static final String CONFLICT = "shape.annotation.conflict";

  /** {@code @Shape} (or a sibling) on a type that cannot have a shape: a primitive or an array. */
  public static final String TARGET = "shape.annotation.target";

  /** {@code @Dim} on a parameter that is not an int, long, or an array of them. */
  public static final String DIM_TYPE = "shape.dim.type";

  /**
   * {@code @Dim}'s name is not an identifier, or two size parameters bind the same name (the
   * checker would keep only one of them).
   */
  public static final String DIM_NAME = "shape.dim.name";

  /** {@code @ShapeRule}: the method's inputs do not match the rule's number of inputs. */
  public static final String RULE_ARITY = "shape.rule.arity";

  /** {@code @ShapeRule}: an input's type does not fit the rule's input kind. */
  public static final String RULE_KIND = "shape.rule.kind";

  /**
   * {@code @ShapeRule(args = ...)} names no parameter, {@code "this"} where there is none, or a
   * constant ({@code "false"}, {@code "-1"}) for an input that takes no constant.
   */
  public static final String RULE_ARGS = "shape.rule.args";

  /**
   * {@code @DTypeEffect(args = ...)} names no parameter of its method, or {@code "this"} where
   * there is no receiver.
   */
  public static final String DTYPE_ARGS = "shape.dtype.args";

  /**
   * A processor failed internally. Reported as a warning with the exception, never thrown into
   * javac; please report it with the declaration that triggered it.
   */
  public static final String INTERNAL = "shape.processor.internal";

  /** {@code @Model} on something that is not a class or record (an interface, an enum...). */
  public static final String MODEL_TARGET = "model.target";

  /** {@code @Model} on a type that does not implement {@code dev.shapetorch.nn.Module}. */
  public static final String MODEL_NOT_MODULE = "model.module";

  /** A module, parameter or buffer field of a {@code @Model} class that is not final. */
  public static final String MODEL_FIELD_MUTABLE = "model.field.mutable";

  /** A private module field with no accessor the generated class can call. */
  public static final String MODEL_FIELD_PRIVATE = "model.field.private";

  /**
   * A field holding modules in a container the generated traversal cannot name like PyTorch (a Set,
   * a Map, an Optional, a nested list...).
   */
  public static final String MODEL_FIELD_CONTAINER = "model.field.container";

  /** A superclass (not itself {@code @Model}) that declares module fields. */
  public static final String MODEL_SUPERCLASS = "model.superclass";

  /** {@code dev.shapetorch.nn} is not on the compile classpath. */
  public static final String MODEL_CLASSPATH = "model.classpath";

  /** {@code @BackpropRecord} on something other than a non-generic, reachable record. */
  public static final String BACKPROP_TARGET = "backprop.target";

  /** A component of a {@code @BackpropRecord} whose type has no known gradient algebra. */
  public static final String BACKPROP_COMPONENT = "backprop.component";

  /** {@code dev.shapetorch.backprop} (or its tensor algebra) is not on the compile classpath. */
  public static final String BACKPROP_CLASSPATH = "backprop.classpath";

  /** Every key above, for tests that check a diagnostic's key is a known one. */
  public static final List<String> ALL =
      List.of(
          SYNTAX,
          UNBOUND,
          DEPENDENT,
          DEPENDENT_TYPE,
          CONFLICT,
          TARGET,
          DIM_TYPE,
          DIM_NAME,
          RULE_ARITY,
          RULE_KIND,
          RULE_ARGS,
          DTYPE_ARGS,
          INTERNAL,
          MODEL_TARGET,
          MODEL_NOT_MODULE,
          MODEL_FIELD_MUTABLE,
          MODEL_FIELD_PRIVATE,
          MODEL_FIELD_CONTAINER,
          MODEL_SUPERCLASS,
          MODEL_CLASSPATH,
          BACKPROP_TARGET,
          BACKPROP_COMPONENT,
          BACKPROP_CLASSPATH);

  /** {@code [key] text}: the form of every message. */
  public static String tagged(String key, String text) {
    return "[" + key + "] " + text;
  }

  /**
   * {@code @Variants}/{@code @Surface}: an op declaration that cannot be generated (not static,
   * private, no surface for a variant, a method form without a tensor first parameter, two
   * declarations of one form).
   */
  public static final String OP_DECLARATION = "op.declaration";
}
