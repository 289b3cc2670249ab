package dev.shapetorch.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * {@link OpFormsProcessor}: one declaration yields every form it lists, each repeating the
 * declaration's shape contract and Javadoc, guarded by that same contract, calling the kernel;
 * declarations it cannot generate are errors with the {@code op.declaration} key.
 *
 * <p>The sources model the runtime in miniature: a {@code Vec} tensor type generated from its
 * {@code VecCore} surface, a {@code Ops} function surface, and the runtime's {@code
 * dev.shapetorch.internal.Guard} and {@code Signature} classes the generated guards call
 * (recording what they were asked).
 */
class OpFormsProcessorTest {

  private static final String GUARD = String.join("\n",
      "package dev.shapetorch.internal;",
      "import demo.Vec;",
      "import dev.shapetorch.shapes.rules.Rule;",
      "public final class Guard {",
      "  public static final java.util.List<String> LOG = new java.util.ArrayList<>();",
      "  public static void rule(Rule r, String op, Object... in) {",
      "    LOG.add(op + ' ' + r + ' ' + in.length);",
      "  }",
      "  public static void broadcast(String op, Vec a, String an, Vec b, String bn) {",
      "    LOG.add(op + \" broadcast \" + an + \" \" + bn);",
      "  }",
      "  public static Object optional(Vec v) { return v; }",
      "  public static Object ints(long v) { return v; }",
      "  public static Object bool(boolean v) { return v; }",
      "  public static Object tensor(Vec v, String name) { return name; }",
      "  public static Object integer(long v) { return v; }",
      "  public static Object ints(long[] v, String name) { return name; }",
      "  public static Signature signature(String[][] p, String... names) {",
      "    return new Signature();",
      "  }",
      "  public static Signature signature(String[][] p, boolean[] o, String... n) {",
      "    return new Signature();",
      "  }",
      "}");

  private static final String SIGNATURE = String.join("\n",
      "package dev.shapetorch.internal;",
      "import demo.Vec;",
      "public final class Signature {",
      "  public void check(String op, Vec... args) {",
      "    Guard.LOG.add(op + \" signature \" + args.length);",
      "  }",
      "}");

  private static final String VEC_CORE = String.join("\n",
      "package demo;",
      "import dev.shapetorch.shapes.Surface;",
      "import dev.shapetorch.shapes.Variant;",
      "/** A vector. */",
      "@Surface(name = \"Vec\", variant = Variant.METHOD)",
      "abstract class VecCore {",
      "  final long n;",
      "  VecCore(long n) { this.n = n; }",
      "}");

  private static final String OPS_BASE = String.join("\n",
      "package demo;",
      "import dev.shapetorch.shapes.Surface;",
      "import dev.shapetorch.shapes.Variant;",
      "/** Vector functions. */",
      "@Surface(name = \"Ops\", variant = Variant.FUNCTION)",
      "abstract class OpsBase {}");

  private static final String FAMILY = String.join("\n",
      "package demo;",
      "import dev.shapetorch.shapes.Shape;",
      "import dev.shapetorch.shapes.ShapeRule;",
      "import dev.shapetorch.shapes.Variant;",
      "import dev.shapetorch.shapes.Variants;",
      "import dev.shapetorch.shapes.rules.Rule;",
      "final class VecOps {",
      "  /**",
      "   * The sum, as {@code torch.add}.",
      "   *",
      "   * <p>Shape: {@code a} and {@code b} broadcast ({@link Rule#BROADCAST}).",
      "   *",
      "   * @param a the first",
      "   * @param b the second",
      "   */",
      "  @Variants({Variant.FUNCTION, Variant.METHOD})",
      "  @ShapeRule(Rule.BROADCAST)",
      "  static Vec add(Vec a, Vec b) { return new Vec(a.n); }",
      "",
      "  /**",
      "   * The dot product.",
      "   *",
      "   * <p>Shape: {@code [N] . [N] -> []}.",
      "   */",
      "  @Variants({Variant.FUNCTION, Variant.METHOD})",
      "  static @Shape({}) Vec dot(@Shape({\"N\"}) Vec a, @Shape({\"N\"}) Vec b) {",
      "    return new Vec(1);",
      "  }",
      "",
      "  /**",
      "   * Negation.",
      "   *",
      "   * <p>Shape: {@code [*s] -> [*s]}.",
      "   */",
      "  @Variants(Variant.METHOD)",
      "  static @Shape({\"*s\"}) Vec neg(@Shape({\"*s\"}) Vec a) { return a; }",
      "",
      "  /**",
      "   * Moves dims.",
      "   *",
      "   * <p>Shape: {@link Rule#TRANSPOSE}.",
      "   */",
      "  @Variants(Variant.METHOD)",
      "  @ShapeRule(value = Rule.TRANSPOSE, args = {\"input\", \"dim0\", \"1\"})",
      "  static Vec transpose(Vec input, long dim0) { return input; }",
      "",
      "  /**",
      "   * An op of a family not yet declared the new way: it checks its own shapes.",
      "   *",
      "   * <p>Shape: {@link Rule#BROADCAST}.",
      "   */",
      "  @Variants(Variant.METHOD)",
      "  @ShapeRule(Rule.BROADCAST)",
      "  public static Vec mulOld(Vec a, Vec b) { return a; }",
      "}");

  private static final String USE = String.join("\n",
      "package demo;",
      "public final class Use {",
      "  public static java.util.List<String> run() {",
      "    Vec v = new Vec(3);",
      "    Ops.add(v, v); v.add(v); Ops.dot(v, v); v.dot(v); v.neg(); v.transpose(0);",
      "    return dev.shapetorch.internal.Guard.LOG;",
      "  }",
      "}");

  private static Compilation compile(String... extra) {
    List<JavaFileObject> sources = new ArrayList<>();
    String[][] base = {{"dev.shapetorch.internal.Guard", GUARD},
        {"dev.shapetorch.internal.Signature", SIGNATURE},
        {"demo.VecCore", VEC_CORE}, {"demo.OpsBase", OPS_BASE}};
    for (String[] s : base) {
      sources.add(JavaFileObjects.forSourceString(s[0], s[1]));
    }
    for (int i = 0; i < extra.length; i += 2) {
      sources.add(JavaFileObjects.forSourceString(extra[i], extra[i + 1]));
    }
    return Compiler.javac().withProcessors(new OpFormsProcessor())
        .withOptions("-Xlint:-options,-processing").compile(sources);
  }

  @Test
  void oneDeclaration_yieldsEveryFormItLists_withItsContractJavadocAndGuard() throws Exception {
    Compilation c = compile("demo.VecOps", FAMILY, "demo.Use", USE);
    assertThat(c).succeeded();
    String ops = c.generatedSourceFile("demo.Ops").get().getCharContent(true).toString();
    String vec = c.generatedSourceFile("demo.Vec").get().getCharContent(true).toString();

    assertThat(ops).contains("public final class Ops extends OpsBase");
    // The guards are the runtime's one door, imported by the generated class.
    assertThat(ops).contains("import dev.shapetorch.internal.Guard;\n");
    assertThat(ops).contains("import dev.shapetorch.internal.Signature;\n");
    assertThat(ops).contains("/**\n * Vector functions.\n */");
    assertThat(ops).contains("  @ShapeRule(value = Rule.BROADCAST)\n  public static Vec add(Vec a, Vec b) {\n"
        + "    Guard.broadcast(\"Ops.add\", a, \"a\", b, \"b\");\n    return VecOps.add(a, b);\n  }");
    assertThat(ops).contains("   * @param a the first\n");
    assertThat(ops).contains("public static @Shape(value = {}) Vec dot(@Shape(value = {\"N\"}) Vec a,"
        + " @Shape(value = {\"N\"}) Vec b) {");
    assertThat(ops).contains("Guard.signature(new String[][] {{\"N\"}, {\"N\"}}, \"a\", \"b\");");
    assertThat(ops).doesNotContain(" neg(");
    assertThat(ops).doesNotContain(" transpose(");

    assertThat(vec).contains("public final class Vec extends VecCore");
    assertThat(vec).contains("  Vec(long n) {\n    super(n);\n  }");
    // The method form: the first parameter is the receiver, named "this" in the rule's args.
    assertThat(vec).contains("  public Vec add(Vec this, Vec b) {\n"
        + "    Guard.broadcast(\"Vec.add\", this, \"a\", b, \"b\");\n    return VecOps.add(this, b);\n  }");
    assertThat(vec).doesNotContain("@param a the first");
    assertThat(vec).contains("@ShapeRule(value = Rule.TRANSPOSE, args = {\"this\", \"dim0\", \"1\"})");
    assertThat(vec).contains("Guard.rule(Rule.TRANSPOSE, \"Vec.transpose\", Guard.tensor(this,"
        + " \"input\"), Guard.integer(dim0), Guard.integer(1L));");
    // A public declaration checks itself: its forms add no guard.
    assertThat(vec).contains("  public Vec mulOld(Vec this, Vec b) {\n"
        + "    return VecOps.mulOld(this, b);\n  }");
    // [*s] -> [*s] holds for every shape: no guard.
    assertThat(vec).contains("public @Shape(value = {\"*s\"}) Vec neg(@Shape(value = {\"*s\"}) Vec this) {\n"
        + "    return VecOps.neg(this);\n  }");
  }

  @Test
  void generatedForms_callTheGuardThenTheKernel() throws Exception {
    Compilation c = compile("demo.VecOps", FAMILY, "demo.Use", USE);
    assertThat(c).succeeded();
    ClassLoader loader = new CompiledClasses(c);
    @SuppressWarnings("unchecked")
    List<String> log = (List<String>) loader.loadClass("demo.Use").getMethod("run").invoke(null);
    assertThat(log).containsExactly("Ops.add broadcast a b", "Vec.add broadcast a b",
        "Ops.dot signature 2", "Vec.dot signature 2", "Vec.transpose TRANSPOSE 3").inOrder();
  }

  private static final String FN_BASE = String.join("\n",
      "package demo.fn;",
      "import dev.shapetorch.shapes.Surface;",
      "import dev.shapetorch.shapes.Variant;",
      "/** Vector functions, the functional way. */",
      "@Surface(name = \"Fn\", variant = Variant.FUNCTIONAL)",
      "abstract class FnBase {",
      "  FnBase() {}",
      "}");

  /** A FUNCTION declaration that names a type of its package and uses a helper of it. */
  private static final String SCALE_OPS = String.join("\n",
      "package demo;",
      "import static demo.Helpers.checked;",
      "import dev.shapetorch.shapes.ShapeRule;",
      "import dev.shapetorch.shapes.Variant;",
      "import dev.shapetorch.shapes.Variants;",
      "import dev.shapetorch.shapes.rules.Rule;",
      "final class ScaleOps {",
      "  /**",
      "   * Scales, as {@code F.scale}; see {@link Mode#FAST}.",
      "   *",
      "   * <p>Shape: {@link Rule#TRANSPOSE}.",
      "   */",
      "  @Variants({Variant.FUNCTION, Variant.FUNCTIONAL})",
      "  @ShapeRule(value = Rule.TRANSPOSE, args = {\"input\", \"0\", \"1\"})",
      "  static Vec scale(Vec input, Mode mode) { return checked(input); }",
      "}");

  private static final String FN_OPS = String.join("\n",
      "package demo.fn;",
      "import demo.Vec;",
      "import dev.shapetorch.shapes.Variant;",
      "import dev.shapetorch.shapes.Variants;",
      "final class FnOps {",
      "  /**",
      "   * Twice, a function of this package only; it checks itself.",
      "   *",
      "   * <p>Shape: {@code [*s] -> [*s]}.",
      "   */",
      "  @Variants(Variant.FUNCTIONAL)",
      "  public static Vec twice(Vec input) { return input; }",
      "}");

  @Test
  void aFunctionalForm_ofAnotherPackage_callsTheFunctionForm_andImportsWhatItNames()
      throws Exception {
    Compilation c = compile("demo.fn.FnBase", FN_BASE, "demo.ScaleOps", SCALE_OPS,
        "demo.fn.FnOps", FN_OPS,
        "demo.Mode", "package demo; public enum Mode { FAST }",
        "demo.Helpers", "package demo; final class Helpers {"
            + " static Vec checked(Vec v) { return v; } }",
        "demo.UseFn", String.join("\n",
            "package demo;",
            "public final class UseFn {",
            "  public static java.util.List<String> run() {",
            "    Vec v = new Vec(3);",
            "    demo.fn.Fn.scale(v, Mode.FAST); demo.fn.Fn.twice(v);",
            "    return dev.shapetorch.internal.Guard.LOG;",
            "  }",
            "}"));
    assertThat(c).succeeded();
    String fn = c.generatedSourceFile("demo.fn.Fn").get().getCharContent(true).toString();
    assertThat(fn).contains("public final class Fn extends FnBase");
    // The declaration's package's types it names come along; its helpers do not.
    assertThat(fn).contains("import demo.Mode;");
    assertThat(fn).contains("import demo.Ops;");
    assertThat(fn).contains("import demo.Vec;");
    assertThat(fn).doesNotContain("Helpers");
    assertThat(fn).doesNotContain("dev.shapetorch.internal"); // no guard of its own
    // The function form guards; the functional form calls it. A public declaration of the
    // surface's own package checks itself.
    assertThat(fn).contains("  public static Vec scale(Vec input, Mode mode) {\n"
        + "    return Ops.scale(input, mode);\n  }");
    assertThat(fn).contains("  public static Vec twice(Vec input) {\n"
        + "    return FnOps.twice(input);\n  }");
    ClassLoader loader = new CompiledClasses(c);
    @SuppressWarnings("unchecked")
    List<String> log = (List<String>) loader.loadClass("demo.UseFn").getMethod("run").invoke(null);
    assertThat(log).containsExactly("Ops.scale TRANSPOSE 3");
  }

  @Test
  void guards_feedEachRuleInputOfItsKind_andTakeNullableTensorsAsAbsent() throws Exception {
    Compilation c = compile("demo.VecOps", String.join("\n",
        "package demo;",
        "import dev.shapetorch.shapes.Shape;",
        "import dev.shapetorch.shapes.ShapeRule;",
        "import dev.shapetorch.shapes.Variant;",
        "import dev.shapetorch.shapes.Variants;",
        "import dev.shapetorch.shapes.rules.Rule;",
        "import org.checkerframework.checker.nullness.qual.Nullable;",
        "final class VecOps {",
        "  /** A convolution with one stride for all dims. */",
        "  @Variants(Variant.FUNCTION)",
        "  @ShapeRule(value = Rule.CONV1D,",
        "      args = {\"input\", \"weight\", \"stride\", \"0\", \"1\", \"groups\", \"bias\"})",
        "  static Vec conv(Vec input, Vec weight, @Nullable Vec bias, long stride, long groups) {",
        "    return input;",
        "  }",
        "  /** A linear map; the rule takes the first three parameters. */",
        "  @Variants(Variant.FUNCTION)",
        "  @ShapeRule(Rule.LINEAR)",
        "  static Vec linear(Vec input, Vec weight, @Nullable Vec bias, double scale) {",
        "    return input;",
        "  }",
        "  /** Three tensors of one shape, the last optional. */",
        "  @Variants(Variant.FUNCTION)",
        "  static @Shape({\"*s\"}) Vec same(@Shape({\"*s\"}) Vec a, @Shape({\"*s\"}) Vec b,",
        "      @Nullable @Shape({\"*s\"}) Vec c) {",
        "    return a;",
        "  }",
        "}"));
    assertThat(c).succeeded();
    String ops = c.generatedSourceFile("demo.Ops").get().getCharContent(true).toString();
    // One int for a list of one (as the checker reads it); the literals as the kinds want them.
    assertThat(ops).contains("Guard.rule(Rule.CONV1D, \"Ops.conv\", Guard.tensor(input, \"input\"),"
        + " Guard.tensor(weight, \"weight\"), Guard.ints((long) stride), Guard.ints(0L),"
        + " Guard.ints(1L), Guard.integer(groups), Guard.optional(bias));");
    assertThat(ops).contains("Guard.rule(Rule.LINEAR, \"Ops.linear\", Guard.tensor(input, \"input\"),"
        + " Guard.tensor(weight, \"weight\"), Guard.optional(bias));");
    // A variadic shared by two parameters constrains them: the signature is checked.
    assertThat(ops).contains("Guard.signature(new String[][] {{\"*s\"}, {\"*s\"}, {\"*s\"}},"
        + " new boolean[] {false, false, true}, \"a\", \"b\", \"c\");");
  }

  @Test
  void aRuleGivenTooFewInputs_isAnError() {
    Compilation c = compile("demo.VecOps", String.join("\n",
        "package demo;",
        "import dev.shapetorch.shapes.ShapeRule;",
        "import dev.shapetorch.shapes.Variant;",
        "import dev.shapetorch.shapes.Variants;",
        "import dev.shapetorch.shapes.rules.Rule;",
        "final class VecOps {",
        "  /** Doc. */",
        "  @Variants(Variant.FUNCTION)",
        "  @ShapeRule(Rule.LINEAR)",
        "  static Vec linear(Vec input, Vec weight) { return input; }",
        "}"));
    assertThat(c).hadErrorContaining("[op.declaration] linear: @ShapeRule(LINEAR) gives 2 inputs,"
        + " the rule takes 3");
  }

  @Test
  void aDeclarationThatIsNotStatic_isAnError() {
    Compilation c = compile("demo.VecOps", String.join("\n",
        "package demo;",
        "import dev.shapetorch.shapes.Variant;",
        "import dev.shapetorch.shapes.Variants;",
        "final class VecOps {",
        "  /** Doc. */",
        "  @Variants(Variant.FUNCTION)",
        "  Vec id(Vec a) { return a; }",
        "}"));
    assertThat(c).hadErrorContaining("[op.declaration] an op declaration is a static, non-private"
        + " method");
  }

  @Test
  void aDeclarationWithoutJavadoc_isAnError() {
    Compilation c = compile("demo.VecOps", String.join("\n",
        "package demo;",
        "import dev.shapetorch.shapes.Variant;",
        "import dev.shapetorch.shapes.Variants;",
        "final class VecOps {",
        "  @Variants(Variant.FUNCTION)",
        "  static Vec id(Vec a) { return a; }",
        "}"));
    assertThat(c).hadErrorContaining("[op.declaration] an op declaration needs Javadoc");
  }

  @Test
  void aVariantWithoutSurface_isAnError() {
    Compilation c = compile("demo.VecOps", String.join("\n",
        "package demo;",
        "import dev.shapetorch.shapes.Variant;",
        "import dev.shapetorch.shapes.Variants;",
        "final class VecOps {",
        "  /** Doc. */",
        "  @Variants(Variant.FUNCTIONAL)",
        "  static Vec id(Vec a) { return a; }",
        "}"));
    assertThat(c).hadErrorContaining("[op.declaration] no @Surface class for variant FUNCTIONAL");
  }

  @Test
  void aLinkToAnOpWithoutFunctionForm_isAnError_whileLinksToFunctionFormsAreRewritten()
      throws Exception {
    // The method form's Javadoc links #x as Ops#x: a method-only op has no Ops form, and the
    // release build's javadoc would fail on the generated Vec.
    Compilation bad = compile("demo.VecOps", String.join("\n",
        "package demo;",
        "import dev.shapetorch.shapes.Variant;",
        "import dev.shapetorch.shapes.Variants;",
        "final class VecOps {",
        "  /** Negation. */",
        "  @Variants(Variant.METHOD)",
        "  static Vec neg(Vec a) { return a; }",
        "",
        "  /** As {@link #neg(Vec)}, twice; see also {@link #id(Vec)}. */",
        "  @Variants({Variant.FUNCTION, Variant.METHOD})",
        "  static Vec id(Vec a) { return a; }",
        "}"));
    assertThat(bad).hadErrorContaining("[op.declaration] id: its Javadoc links {@link #neg},"
        + " which the Vec form turns into Ops#neg, but Ops has no neg; link the form that"
        + " exists instead, e.g. {@link Vec#neg(...)}");
    assertThat(bad).hadErrorCount(1);
  }

  @Test
  void aMethodFormWithoutTensorFirst_isAnError() {
    Compilation c = compile("demo.VecOps", String.join("\n",
        "package demo;",
        "import dev.shapetorch.shapes.Variant;",
        "import dev.shapetorch.shapes.Variants;",
        "final class VecOps {",
        "  /** Doc. */",
        "  @Variants(Variant.METHOD)",
        "  static Vec make(long n) { return new Vec(n); }",
        "}"));
    assertThat(c).hadErrorContaining("[op.declaration] a METHOD form needs a Vec as the"
        + " declaration's first parameter");
  }

  @Test
  void aRuleInputNamingNoParameter_isAnError() {
    Compilation c = compile("demo.VecOps", String.join("\n",
        "package demo;",
        "import dev.shapetorch.shapes.ShapeRule;",
        "import dev.shapetorch.shapes.Variant;",
        "import dev.shapetorch.shapes.Variants;",
        "import dev.shapetorch.shapes.rules.Rule;",
        "final class VecOps {",
        "  /** Doc. */",
        "  @Variants(Variant.FUNCTION)",
        "  @ShapeRule(value = Rule.TRANSPOSE, args = {\"input\", \"dim\", \"1\"})",
        "  static Vec t(Vec input, long dim0) { return input; }",
        "}"));
    assertThat(c).hadErrorContaining("[op.declaration] t: @ShapeRule args names 'dim', which is"
        + " no parameter of t [input, dim0]");
  }
}
