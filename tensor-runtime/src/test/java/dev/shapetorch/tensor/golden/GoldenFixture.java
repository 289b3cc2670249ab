package dev.shapetorch.tensor.golden;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Reads a family's fixture, {@code /golden/<family>.json} on the test classpath. */
final class GoldenFixture {
  private GoldenFixture() {}

  /** Every case of the family, in the file's order. */
  static List<GoldenCase> load(String family) {
    String resource = "/golden/" + family + ".json";
    try (InputStream in = GoldenFixture.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            "no fixture "
                + resource
                + ": run src/test/python/make_golden.py with /usr/bin/python3");
      }
      JsonObject doc =
          JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8))
              .getAsJsonObject();
      if (!family.equals(doc.get("family").getAsString())) {
        throw new IllegalStateException(resource + " holds family " + doc.get("family"));
      }
      List<GoldenCase> cases =
          doc.getAsJsonArray("cases").asList().stream()
              .map(e -> GoldenCase.fromJson(e.getAsJsonObject()))
              .toList();
      Set<String> ids = new HashSet<>();
      for (GoldenCase c : cases) {
        if (!ids.add(c.id())) {
          throw new IllegalStateException(resource + " repeats case id " + c.id());
        }
      }
      return cases;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The family's cases as a stream, for {@code @MethodSource}. */
  static Stream<GoldenCase> cases(String family) {
    return load(family).stream();
  }
}
