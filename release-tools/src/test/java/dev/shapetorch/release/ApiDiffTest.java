package dev.shapetorch.release;

import static com.google.common.truth.Truth.assertThat;

import dev.shapetorch.release.ApiDiff.Change;
import dev.shapetorch.release.ApiDiff.Level;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiDiffTest {
  private static final String OPS = "class p.Ops: public final class";
  private static final String SHAPE = "class p.Shaped: public interface";

  private static List<Change> diff(List<String> before, List<String> after) {
    return ApiDiff.compare(before, after);
  }

  private static Change only(List<String> before, List<String> after) {
    List<Change> changes = diff(before, after);
    assertThat(changes).hasSize(1);
    return changes.get(0);
  }

  @Test
  void theSameListing_hasNoChange_whateverItsComments() {
    List<String> api = List.of(OPS, "  method f(int) int: public static");
    assertThat(diff(api, List.of("# a header", OPS, "  method f(int) int: public static")))
        .isEmpty();
  }

  @Test
  void aRemovedMethod_isBinaryAndSourceIncompatible() {
    Change c = only(List.of(OPS, "  method f(int) int: public"), List.of(OPS));
    assertThat(c.level()).isEqualTo(Level.BINARY_AND_SOURCE);
    assertThat(c.element()).isEqualTo("method f(int) int in p.Ops");
    assertThat(c.what()).isEqualTo("removed");
  }

  @Test
  void aChangedReturnType_isARemovalAndAnAddition() {
    List<Change> changes = diff(List.of(OPS, "  method f(int) int: public"),
        List.of(OPS, "  method f(int) long: public"));
    assertThat(changes.stream().map(Change::level).toList())
        .containsExactly(Level.BINARY_AND_SOURCE, Level.COMPATIBLE).inOrder();
  }

  @Test
  void aRemovedClass_isOneChange_notOnePerMember() {
    Change c = only(List.of(OPS, "  method f(int) int: public", "  method g() int: public"),
        List.of());
    assertThat(c.element()).isEqualTo("class p.Ops");
    assertThat(c.level()).isEqualTo(Level.BINARY_AND_SOURCE);
  }

  @Test
  void addedMembersAndClasses_areCompatible() {
    List<Change> changes = diff(List.of(OPS),
        List.of(OPS, "  method g() int: public", "class p.New: public class"));
    assertThat(changes.stream().map(Change::level).toList())
        .containsExactly(Level.COMPATIBLE, Level.COMPATIBLE);
  }

  @Test
  void anAbstractMethodAddedToAnInterface_breaksImplementationsSources() {
    Change c = only(List.of(SHAPE), List.of(SHAPE, "  method rank() int: public abstract"));
    assertThat(c.level()).isEqualTo(Level.SOURCE);
    assertThat(c.what()).contains("every implementation");
    assertThat(only(List.of(SHAPE), List.of(SHAPE, "  method rank() int: public default"))
        .level()).isEqualTo(Level.COMPATIBLE);
  }

  @Test
  void anAnnotationElementWithoutDefault_breaksEveryUse() {
    String a = "class p.Tag: public annotation";
    assertThat(only(List.of(a), List.of(a, "  method v() int: public abstract")).level())
        .isEqualTo(Level.SOURCE);
    assertThat(only(List.of(a), List.of(a, "  method v() int: public abstract; default 3"))
        .level()).isEqualTo(Level.COMPATIBLE);
  }

  @Test
  void modifiers_addingFinalOrChangingStatic_breakBinaries_removingFinalDoesNot() {
    String base = "class p.Open: public class";
    assertThat(only(List.of(base, "  method f() int: public"),
        List.of(base, "  method f() int: public final")).level())
        .isEqualTo(Level.BINARY_AND_SOURCE);
    assertThat(only(List.of(base, "  method f() int: public"),
        List.of(base, "  method f() int: public static")).level())
        .isEqualTo(Level.BINARY_AND_SOURCE);
    assertThat(only(List.of(base, "  method f() int: public final"),
        List.of(base, "  method f() int: public")).level()).isEqualTo(Level.COMPATIBLE);
    assertThat(only(List.of("class p.K: public class"), List.of("class p.K: public interface"))
        .level()).isEqualTo(Level.BINARY_AND_SOURCE);
  }

  @Test
  void aFieldsType_andADroppedInterface_breakBinaries_anAddedInterfaceDoesNot() {
    assertThat(only(List.of(OPS, "  field N: public static; type int"),
        List.of(OPS, "  field N: public static; type long")).level())
        .isEqualTo(Level.BINARY_AND_SOURCE);
    String a = "class p.A: public class; implements java.io.Closeable, java.lang.Runnable";
    String b = "class p.A: public class; implements java.lang.Runnable";
    assertThat(only(List.of(a), List.of(b)).level()).isEqualTo(Level.BINARY_AND_SOURCE);
    assertThat(only(List.of(b), List.of(a)).level()).isEqualTo(Level.COMPATIBLE);
  }

  @Test
  void aGenericSignatureOrThrowsClause_breaksSourcesOnly() {
    assertThat(only(List.of(OPS, "  method f(java.util.List) void: public; generic (java.util.List<java.lang.String>) void"),
        List.of(OPS, "  method f(java.util.List) void: public; generic (java.util.List<java.lang.Object>) void"))
        .level()).isEqualTo(Level.SOURCE);
    assertThat(only(List.of(OPS, "  method f() void: public"),
        List.of(OPS, "  method f() void: public; throws java.io.IOException")).level())
        .isEqualTo(Level.SOURCE);
  }

  @Test
  void aChangedShapeAnnotation_breaksSources_andReadsAsOneChange() {
    Change c = only(List.of(OPS, "  method t() p.T: public; return @Shape({\"A\", \"B\"})"),
        List.of(OPS, "  method t() p.T: public; return @Shape({\"B\", \"A\"})"));
    assertThat(c.level()).isEqualTo(Level.SOURCE);
    assertThat(c.what()).startsWith(
        "annotation return @Shape({\"A\", \"B\"}) became return @Shape({\"B\", \"A\"})");
  }

  @Test
  void deprecating_isCompatible() {
    assertThat(only(List.of(OPS, "  method f() void: public"),
        List.of(OPS, "  method f() void: public; @Deprecated")).level())
        .isEqualTo(Level.COMPATIBLE);
  }

  @Test
  void whereAnInheritedMemberIsDeclared_isNoChange_butItsOtherFieldsAre() {
    assertThat(diff(List.of(OPS, "  method f() int: public"),
        List.of(OPS, "  method f() int: public; inherited from p.OpsBase"))).isEmpty();
    assertThat(diff(List.of(OPS, "  method f() int: public; inherited from p.OpsBase"),
        List.of(OPS, "  method f() int: public; inherited from p.Core"))).isEmpty();
    assertThat(only(List.of(OPS, "  method f() int: public; inherited from p.OpsBase"),
        List.of(OPS, "  method f() int: public; throws java.io.IOException")).level())
        .isEqualTo(Level.SOURCE);
  }

  @Test
  void aRemovedProcessorOptionOrMessageKey_breaksSources() {
    assertThat(only(List.of("processor q.C: public; options a, b"),
        List.of("processor q.C: public; options a")).level()).isEqualTo(Level.SOURCE);
    assertThat(only(List.of("processor q.C: public; options a"),
        List.of("processor q.C: public; options a, b")).level()).isEqualTo(Level.COMPATIBLE);
    assertThat(only(List.of("message shape.rank"), List.of()).level()).isEqualTo(Level.SOURCE);
  }

  @Test
  void changes_comeMostSevereFirst() {
    List<Change> changes = diff(List.of(OPS, "  method a() void: public", "  method b() void: public"),
        List.of(OPS, "  method b() void: public; throws java.io.IOException", "  method c() void: public"));
    assertThat(changes.stream().map(Change::level).toList()).containsExactly(
        Level.BINARY_AND_SOURCE, Level.SOURCE, Level.COMPATIBLE).inOrder();
  }
}
