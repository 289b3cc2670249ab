package dev.shapetorch.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The C environment of this JVM, read and extended without disturbing what is there. */
class ProcessEnvironmentTest {

  @Test
  void read_matchesWhatTheJvmStartedWith() {
    ProcessEnvironment env = ProcessEnvironment.find();
    assertNotNull(env, "glibc exports environ");
    Map<String, String> now = env.read();
    // The JVM's copy was taken at start; variables added since are ShapeTorch's own.
    System.getenv().forEach((k, v) -> assertEquals(v, now.get(k), k));
  }

  @Test
  void addIfAbsent_addsOnlyMissingNames_andKeepsEveryOtherEntryInOrder() {
    ProcessEnvironment env = ProcessEnvironment.find();
    assertNotNull(env);
    Map<String, String> before = env.read();
    String present = before.keySet().iterator().next();
    Map<String, String> additions = new LinkedHashMap<>();
    additions.put(present, "not-this");
    additions.put("SHAPETORCH_TEST_ADDED_A", "1");
    additions.put("SHAPETORCH_TEST_ADDED_B", "two words");

    List<String> added = env.addIfAbsent(additions);

    assertEquals(List.of("SHAPETORCH_TEST_ADDED_A", "SHAPETORCH_TEST_ADDED_B"), added);
    Map<String, String> expected = new LinkedHashMap<>(before);
    expected.put("SHAPETORCH_TEST_ADDED_A", "1");
    expected.put("SHAPETORCH_TEST_ADDED_B", "two words");
    assertEquals(List.copyOf(expected.entrySet()), List.copyOf(env.read().entrySet()));
    assertEquals(List.of(), env.addIfAbsent(additions), "a second call adds nothing");
  }
}
