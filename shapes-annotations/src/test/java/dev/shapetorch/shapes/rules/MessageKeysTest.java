package dev.shapetorch.shapes.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MessageKeysTest {

  @Test
  void keysAreUniqueDottedAndStartWithShape() throws IllegalAccessException {
    Set<String> seen = new HashSet<>();
    int count = 0;
    for (Field f : MessageKeys.class.getDeclaredFields()) {
      if (!Modifier.isStatic(f.getModifiers()) || f.getType() != String.class) {
        continue;
      }
      String key = (String) f.get(null);
      count++;
      assertTrue(key.matches("shape(\\.[a-z]+)+"), key);
      assertTrue(seen.add(key), "duplicate key " + key);
    }
    assertEquals(seen.size(), count);
    assertTrue(count >= 30, "only " + count + " keys");
  }

  @Test
  void renderStartsWithTheKeyInBrackets() {
    ShapeMismatch m = ShapeMismatch.of(MessageKeys.RANK, "Torch.mm", "a is [3]");
    assertEquals("[shape.rank] Torch.mm: a is [3]", m.render());
    assertEquals("[shape.rank] Tensor.mm: a is [3]", m.withOp("Tensor.mm").render());
  }
}
