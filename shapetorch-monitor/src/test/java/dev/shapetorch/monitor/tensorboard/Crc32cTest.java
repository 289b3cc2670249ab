package dev.shapetorch.monitor.tensorboard;

import static com.google.common.truth.Truth.assertThat;

import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** CRC-32C and TFRecord's mask against published check values and TensorBoard's own crc32c. */
class Crc32cTest {

  private static int crc(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    return Crc32c.of(b, 0, b.length);
  }

  @Test
  void crc32c_standardCheckValue() {
    // the check value of CRC-32C (Castagnoli) for "123456789", as the CRC catalogues list it
    assertThat(Integer.toHexString(crc("123456789"))).isEqualTo("e3069283");
    assertThat(crc("")).isEqualTo(0);
  }

  @Test
  void crc32c_matchesTensorBoardsImplementation() {
    JsonObject protos = Fixtures.json("protos.json");
    for (Map.Entry<String, com.google.gson.JsonElement> e :
        protos.getAsJsonObject("crc32c").entrySet()) {
      assertThat(crc(e.getKey()) & 0xffffffffL).isEqualTo(e.getValue().getAsLong());
    }
  }

  @Test
  void mask_matchesTensorBoardsMaskedCrc() {
    JsonObject protos = Fixtures.json("protos.json");
    for (Map.Entry<String, com.google.gson.JsonElement> e :
        protos.getAsJsonObject("masked_crc32c").entrySet()) {
      byte[] b = e.getKey().getBytes(StandardCharsets.UTF_8);
      assertThat(Crc32c.masked(b, 0, b.length) & 0xffffffffL).isEqualTo(e.getValue().getAsLong());
    }
  }

  @Test
  void mask_rotatesRightBy15AndAddsTheDelta() {
    // 1 rotated right by 15 is 1 << 17; plus 0xa282ead8
    assertThat(Crc32c.mask(1)).isEqualTo((1 << 17) + 0xa282ead8);
    assertThat(Crc32c.mask(0)).isEqualTo(0xa282ead8);
  }
}
