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
