package dev.shapetorch.release;

import static com.google.common.truth.Truth.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiListingTest {
  @TempDir Path dir;

  private static final String SIZED = """
      package dev.shapetorch.shapes;
      import java.lang.annotation.*;
      @Retention(RetentionPolicy.RUNTIME) @Target(ElementType.TYPE_USE)
      public @interface Sized { String[] value(); }
      """;

  @Test
  void publicTypesAndMembers_areListedWithErasedKeysGenericsAndThrows() throws Exception {
    List<String> api = ApiListing.of(Fixtures.compileJar(dir, Map.of(
        "p/Api.java", """
            package p;
            public class Api<T extends Number> {
              public static final int SIZE = 3;
              protected Api() {}
              public <U> java.util.List<U> map(java.util.List<? extends T> in, int n)
                  throws java.io.IOException { return null; }
              @Deprecated public void old() {}
              public static class Nested {}
              void hidden() {}
              private int secret;
              static class PackageNested { public void inPackageNested() {} }
            }
            """,
        "p/I.java", "package p; public interface I { void a(); default void b() {} static void c() {} }",
        "p/E.java", "package p; public enum E { ONE }",
        "p/R.java", "package p; public record R(int x) {}"), Map.of()));

    assertThat(api).containsAtLeast(
        "class p.Api: public class; generic <T extends java.lang.Number> extends java.lang.Object",
        "  constructor (): protected",
        "  field SIZE: public static final; type int",
        "  method map(java.util.List, int) java.util.List: public;"
            + " generic <U> (java.util.List<? extends T>, int) java.util.List<U>;"
            + " throws java.io.IOException",
        "  method old() void: public; @Deprecated",
        "class p.Api$Nested: public static class",
        "  constructor (): public",
        "class p.E: public final enum",
        "  constant ONE: public static final",
        "  method valueOf(java.lang.String) p.E: public static",
        "  method values() p.E[]: public static",
        "class p.I: public interface",
        "  method a() void: public abstract",
        "  method b() void: public default",
        "  method c() void: public static",
        "class p.R: public final record",
        "  constructor (int): public",
        "  method x() int: public").inOrder();
    assertThat(String.join("\n", api)).doesNotContainMatch("hidden|secret|PackageNested");
  }

  @Test
  void packagePrivateTypes_internalPackages_andProtectedMembersOfFinalClasses_areNotApi()
      throws Exception {
    List<String> api = ApiListing.of(Fixtures.compileJar(dir, Map.of(
        "p/Hidden.java", "package p; class Hidden { public void m() {} }",
        "p/internal/Tape.java", "package p.internal; public class Tape { public void m() {} }",
        "p/Closed.java", "package p; public final class Closed { protected void p() {} }"),
        Map.of()));

    assertThat(api).containsExactly("class p.Closed: public final class",
        "  constructor (): public").inOrder();
  }

  @Test
  void shapeAnnotations_areListedWithTheirTargets_andUnknownShapeDefaultsAreNot()
      throws Exception {
    List<String> api = ApiListing.of(Fixtures.compileJar(dir, Map.of(
        "dev/shapetorch/shapes/Sized.java", SIZED,
        "dev/shapetorch/shapes/UnknownShape.java", """
            package dev.shapetorch.shapes;
            import java.lang.annotation.*;
            @Retention(RetentionPolicy.RUNTIME) @Target(ElementType.TYPE_USE)
            public @interface UnknownShape {}
            """,
        "p/Ops.java", """
            package p;
            import dev.shapetorch.shapes.*;
            public class Ops {
              public @Sized({"B", "784"}) Object f(@Sized({"B"}) Object x, @UnknownShape Object y) {
                return x;
              }
            }
            """), Map.of()));

    assertThat(api).contains("  method f(java.lang.Object, java.lang.Object) java.lang.Object:"
        + " public; param 0 @Sized({\"B\"}); return @Sized({\"B\", \"784\"})");
  }

  @Test
  void membersInheritedFromAPackagePrivateBase_areListedUnderTheirOwnKeys_markedWithTheBase()
      throws Exception {
    List<String> api = ApiListing.of(Fixtures.compileJar(dir, Map.of(
        "p/Module.java", "package p; public class Module { public void train() {} }",
        "p/Core.java", """
            package p;
            abstract class Core extends Module implements AutoCloseable {
              public static final int DIM = 3;
              public int count;
              public long[] shape() { return null; }
              public static Core of(int n) { return null; }
              public void close() {}
              void hidden() {}
            }
            """,
        "p/Middle.java", """
            package p;
            abstract class Middle extends Core {
              public long[] shape() { return new long[0]; }
              public int size() { return 0; }
            }
            """,
        "p/Tensor.java", "package p; public final class Tensor extends Middle {}"), Map.of()));

    // Module is listed, with its train(): Tensor's listing leaves it to Module's. Middle's
    // shape() overrides Core's; javac's visibility bridges in Tensor are not listed again.
    assertThat(section(api, "p.Tensor")).containsExactly(
        "class p.Tensor: public final class; extends p.Module; implements java.lang.AutoCloseable",
        "  constructor (): public",
        "  field DIM: public static final; type int; inherited from p.Core",
        "  field count: public; type int; inherited from p.Core",
        "  method close() void: public; inherited from p.Core",
        "  method of(int) p.Core: public static; inherited from p.Core",
        "  method shape() long[]: public; inherited from p.Middle",
        "  method size() int: public; inherited from p.Middle").inOrder();
  }

  /** The lines of {@code type}: its own and its members'. */
  private static List<String> section(List<String> api, String type) {
    int start = api.indexOf(api.stream().filter(line -> line.startsWith("class " + type + ":"))
        .findFirst().orElseThrow());
    int end = start + 1;
    while (end < api.size() && api.get(end).startsWith("  ")) {
      end++;
    }
    return api.subList(start, end);
  }

  @Test
  void anInheritedMethodsAnnotations_areTheDeclaringClassFiles() throws Exception {
    List<String> api = ApiListing.of(Fixtures.compileJar(dir, Map.of(
        "dev/shapetorch/shapes/Sized.java", SIZED,
        "p/Core.java", """
            package p;
            import dev.shapetorch.shapes.Sized;
            class Core {
              public @Sized({"B", "C"}) Object t(@Sized({"B"}) Object x) { return x; }
            }
            """,
        "p/T.java", "package p; public final class T extends Core {}"), Map.of()));

    assertThat(api).contains("  method t(java.lang.Object) java.lang.Object: public;"
        + " param 0 @Sized({\"B\"}); return @Sized({\"B\", \"C\"}); inherited from p.Core");
  }

  @Test
  void anOverride_isListedOnce_asDeclared_evenWhereJavacWritesABridge() throws Exception {
    List<String> api = ApiListing.of(Fixtures.compileJar(dir, Map.of(
        "p/Base.java", """
            package p;
            abstract class Base<T> {
              public void set(T value) {}
              public Object get() { return null; }
              public String name() { return ""; }
            }
            """,
        "p/Text.java", """
            package p;
            public class Text extends Base<String> {
              @Override public void set(String value) {}
              @Override public String get() { return ""; }
              @Override public String name() { return "text"; }
            }
            """), Map.of()));

    // javac's bridges set(Object) and get() Object call the overrides: they are not API; and
    // Base's set(Object), get() and name() are overridden, so not inherited.
    List<String> text = section(api, "p.Text");
    assertThat(text.subList(1, text.size())).containsExactly(
        "  constructor (): public",
        "  method get() java.lang.String: public",
        "  method name() java.lang.String: public",
        "  method set(java.lang.String) void: public").inOrder();
  }

  @Test
  void inheritedProtectedMembers_areListedInExtendableClassesOnly() throws Exception {
    List<String> api = ApiListing.of(Fixtures.compileJar(dir, Map.of(
        "p/Base.java", """
            package p;
            abstract class Base {
              protected static final int LIMIT = 1;
              protected void hook() {}
              public void run() {}
            }
            """,
        "p/Closed.java", "package p; public final class Closed extends Base {}",
        "p/Open.java", "package p; public class Open extends Base {}"), Map.of()));

    assertThat(api).containsExactly(
        "class p.Closed: public final class",
        "  constructor (): public",
        "  method run() void: public; inherited from p.Base",
        "class p.Open: public class",
        "  constructor (): public",
        "  field LIMIT: protected static final; type int; inherited from p.Base",
        "  method hook() void: protected; inherited from p.Base",
        "  method run() void: public; inherited from p.Base").inOrder();
  }

  @Test
  void theConstantsAndDefaultsOfAPackagePrivateInterface_areListedWhereInherited()
      throws Exception {
    List<String> api = ApiListing.of(Fixtures.compileJar(dir, Map.of(
        "p/Shaped.java", """
            package p;
            interface Shaped extends Comparable<Object> {
              int RANK = 2;
              int rank();
              default int numel() { return 1; }
              static int helper() { return 0; }
            }
            """,
        "p/Api.java", "package p; public interface Api extends Shaped {}",
        "p/Impl.java", """
            package p;
            public final class Impl implements Shaped {
              public int rank() { return 0; }
              public int compareTo(Object o) { return 0; }
            }
            """), Map.of()));

    assertThat(api).containsExactly(
        "class p.Api: public interface; implements java.lang.Comparable",
        "  field RANK: public static final; type int; inherited from p.Shaped",
        "  method numel() int: public default; inherited from p.Shaped",
        "  method rank() int: public abstract; inherited from p.Shaped",
        "class p.Impl: public final class; implements java.lang.Comparable",
        "  constructor (): public",
        "  field RANK: public static final; type int; inherited from p.Shaped",
        "  method compareTo(java.lang.Object) int: public",
        "  method numel() int: public default; inherited from p.Shaped",
        "  method rank() int: public").inOrder();
  }

  @Test
  void aMethodMovedIntoAPackagePrivateBase_isNoChange() throws Exception {
    List<String> before = ApiListing.of(Fixtures.compileJar(dir.resolve("before"), Map.of(
        "p/Base.java", "package p; abstract class Base { public static final long N = 1; }",
        "p/Loss.java", """
            package p;
            public final class Loss extends Base {
              public static final int K = 2;
              public String reduction() { return "mean"; }
            }
            """), Map.of()));
    List<String> after = ApiListing.of(Fixtures.compileJar(dir.resolve("after"), Map.of(
        "p/Base.java", """
            package p;
            abstract class Base {
              public static final int K = 2;
              public String reduction() { return "mean"; }
            }
            """,
        "p/Loss.java", """
            package p;
            public final class Loss extends Base { public static final long N = 1; }
            """), Map.of()));

    assertThat(after).contains(
        "  method reduction() java.lang.String: public; inherited from p.Base");
    assertThat(before).contains("  method reduction() java.lang.String: public");
    assertThat(ApiDiff.compare(before, after)).isEmpty();
  }

  @Test
  void aProcessorJar_isListedAsItsProcessors_theirOptions_andItsMessageKeys() throws Exception {
    List<String> api = ApiListing.of(Fixtures.compileJar(dir, Map.of(
        "q/Checker.java", """
            package q;
            @javax.annotation.processing.SupportedOptions({"q.verbose"})
            public class Checker {}
            """,
        "q/Gen.java", "package q; public class Gen { public void notApi() {} }"),
        Map.of("META-INF/services/javax.annotation.processing.Processor", "# generated\nq.Gen\n",
            "q/messages.properties", "q.mismatch=%s differs\nq.rank=rank %s\n")));

    assertThat(api).containsExactly(
        "processor q.Checker: public; options q.verbose",
        "processor q.Gen: public; options none",
        "message q.mismatch",
        "message q.rank").inOrder();
  }
}
