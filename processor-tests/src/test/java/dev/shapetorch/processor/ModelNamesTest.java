package dev.shapetorch.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import dev.shapetorch.nn.Module;
import dev.shapetorch.nn.Parameter;
import dev.shapetorch.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The traversal {@link ModelProcessor} generates gives the same parameter and state-dict names, in
 * the same order and with the same sizes, as PyTorch gives the same architectures. Fixtures: {@code
 * processor/models/names/*.txt}, written by {@code src/test/python/model_names.py} with PyTorch
 * 1.13.
 */
class ModelNamesTest {
  private static CompiledClasses classes;

  @BeforeAll
  static void compileModels() {
    Compilation compilation = ModelProcessorTest.compileGolden(new ModelProcessor());
    assertThat(compilation).succeeded();
    classes = new CompiledClasses(compilation);
  }

  @Test
  void leNet_namedParametersAndStateDict_equalPyTorchs() throws Exception {
    Module lenet = (Module) classes.loadClass("golden.LeNet").getMethod("create").invoke(null);
    assertThat(namedParameters(lenet)).containsExactlyElementsIn(fixture("lenet", 0)).inOrder();
    assertThat(stateDict(lenet)).containsExactlyElementsIn(fixture("lenet", 1)).inOrder();
  }

  @Test
  void stackOfBlocks_namedParametersAndStateDict_equalPyTorchs() throws Exception {
    Module stack =
        (Module)
            classes
                .loadClass("golden.Stack")
                .getConstructor(int.class, int.class)
                .newInstance(4, 3);
    assertThat(namedParameters(stack)).containsExactlyElementsIn(fixture("stack", 0)).inOrder();
    assertThat(stateDict(stack)).containsExactlyElementsIn(fixture("stack", 1)).inOrder();
  }

  private static List<String> namedParameters(Module m) {
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, Parameter> e : m.namedParameters().entrySet()) {
      out.add(e.getKey() + " " + sizes(e.getValue().shape()));
    }
    return out;
  }

  private static List<String> stateDict(Module m) {
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, Tensor> e : m.stateDict().entrySet()) {
      out.add(e.getKey() + " " + sizes(e.getValue().shape()));
    }
    return out;
  }

  private static String sizes(long[] shape) {
    return LongStream.of(shape).mapToObj(Long::toString).collect(Collectors.joining(","));
  }

  /** Section {@code index} (0: named_parameters, 1: state_dict) of fixture {@code name}. */
  private static List<String> fixture(String name, int index) {
    String text =
        TestSources.read(TestSources.directory("processor/models/names").resolve(name + ".txt"));
    List<List<String>> sections = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (line.startsWith("# ")) {
        sections.add(new ArrayList<>());
      } else if (!line.isBlank()) {
        sections.get(sections.size() - 1).add(line.strip());
      }
    }
    return sections.get(index);
  }
}
