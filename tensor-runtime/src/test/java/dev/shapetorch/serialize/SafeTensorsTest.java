package dev.shapetorch.serialize;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The safetensors format: exact bytes, round trips of every dtype, errors on broken files. */
class SafeTensorsTest {

  @TempDir Path dir;

  @Test
  void bytesFollowTheSpecification() throws IOException {
    Path f = dir.resolve("a.safetensors");
    SafeTensors.save(Map.of("a", Torch.tensor(1f, 2f)), f);
    String json = "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}";
    int padded = (json.length() + 7) / 8 * 8;
    ByteBuffer expected = ByteBuffer.allocate(8 + padded + 8).order(ByteOrder.LITTLE_ENDIAN);
    expected.putLong(padded).put(json.getBytes(StandardCharsets.UTF_8));
    while (expected.position() < 8 + padded) {
      expected.put((byte) ' ');
    }
    expected.putFloat(1f).putFloat(2f);
    assertThat(Files.readAllBytes(f)).isEqualTo(expected.array());
  }

  @Test
  void everyDtype_roundTrips_withMetadata() {
    Map<String, Tensor> in = new LinkedHashMap<>();
    in.put("f32", Torch.fromArray(new float[] {1.5f, -2f, 3.25f, 0f, 7f, -8.5f}, 2, 3));
    in.put("f64", Torch.tensor(Math.PI, -1e300));
    in.put("f16", Torch.tensor(0.5f, -3f).to(DType.FLOAT16));
    in.put("bf16", Torch.tensor(0.5f, 1024f).to(DType.BFLOAT16));
    in.put("i64", Torch.tensor(Long.MAX_VALUE, -1L));
    in.put("i32", Torch.fromArray(new int[] {7, -7}, 2));
    in.put("u8", Torch.tensor(1L, 255L).to(DType.UINT8));
    in.put("i8", Torch.tensor(-128L, 127L).to(DType.INT8));
    in.put("i16", Torch.tensor(-300L, 300L).to(DType.INT16));
    in.put("bool", Torch.tensor(true, false, true));
    in.put("scalar", Torch.scalarTensor(4.0, DType.FLOAT32));
    in.put("empty", Torch.zeros(0, 3));
    Path f = dir.resolve("all.safetensors");
    SafeTensors.save(in, Map.of("format", "pt", "note", "quote \" and \\ survive"), f);
    Map<String, Tensor> out = SafeTensors.load(f);
    assertThat(out.keySet()).containsExactlyElementsIn(in.keySet()).inOrder();
    for (String k : in.keySet()) {
      assertThat(out.get(k).dtype()).isEqualTo(in.get(k).dtype());
      assertThat(out.get(k).shape()).isEqualTo(in.get(k).shape());
      assertThat(out.get(k).to(DType.FLOAT64).toDoubleArray())
          .isEqualTo(in.get(k).to(DType.FLOAT64).toDoubleArray());
    }
    assertThat(out.get("i64").toLongArray()).isEqualTo(new long[] {Long.MAX_VALUE, -1});
    assertThat(SafeTensors.metadata(f))
        .containsExactly("format", "pt", "note", "quote \" and \\ survive");
  }

  @Test
  void aTruncatedFile_isReported() throws IOException {
    Path f = dir.resolve("t.safetensors");
    SafeTensors.save(Map.of("w", Torch.zeros(4, 4)), f);
    byte[] all = Files.readAllBytes(f);
    Files.write(f, Arrays.copyOf(all, all.length - 10));
    CheckpointException e = assertThrows(CheckpointException.class, () -> SafeTensors.load(f));
    assertThat(e).hasMessageThat().isEqualTo(f + " is truncated: tensor 'w' ends at byte 64 of"
        + " the data, which has 54 bytes");
  }

  @Test
  void aFileOfAnotherFormat_isNotSafetensors() throws IOException {
    Path f = dir.resolve("x.safetensors");
    Files.write(f, "PK\u0003\u0004 this is a zip".getBytes(StandardCharsets.ISO_8859_1));
    CheckpointException e = assertThrows(CheckpointException.class, () -> SafeTensors.load(f));
    assertThat(e).hasMessageThat().contains("is not a safetensors file, or is truncated: its"
        + " header length");
  }

  @Test
  void aMalformedHeader_isReportedWithItsPosition() throws IOException {
    Path f = dir.resolve("m.safetensors");
    byte[] json = "{\"w\":{\"dtype\":\"F32\",\"shape\":[1],}".getBytes(StandardCharsets.UTF_8);
    ByteBuffer b = ByteBuffer.allocate(8 + json.length + 4).order(ByteOrder.LITTLE_ENDIAN);
    b.putLong(json.length).put(json).putFloat(1f);
    Files.write(f, b.array());
    CheckpointException e = assertThrows(CheckpointException.class, () -> SafeTensors.load(f));
    assertThat(e).hasMessageThat().startsWith(f + " has a malformed safetensors header: expected a"
        + " key at character");
  }

  @Test
  void offsetsThatDisagreeWithTheShape_areReported() throws IOException {
    Path f = dir.resolve("o.safetensors");
    byte[] json = "{\"w\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,8]}}"
        .getBytes(StandardCharsets.UTF_8);
    ByteBuffer b = ByteBuffer.allocate(8 + json.length + 8).order(ByteOrder.LITTLE_ENDIAN);
    b.putLong(json.length).put(json).putFloat(1f).putFloat(2f);
    Files.write(f, b.array());
    CheckpointException e = assertThrows(CheckpointException.class, () -> SafeTensors.load(f));
    assertThat(e).hasMessageThat().isEqualTo(f + ": tensor 'w' of shape [3] and dtype F32 needs 12"
        + " bytes, its data_offsets span 8");
  }

  @Test
  void saving_replacesTheFileAtomically_andLeavesNoTemporaryFile() throws IOException {
    Path f = dir.resolve("r.safetensors");
    SafeTensors.save(Map.of("v", Torch.ones(3)), f);
    SafeTensors.save(Map.of("v", Torch.zeros(5)), f);
    assertThat(SafeTensors.load(f).get("v").shape()).isEqualTo(new long[] {5});
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()).toList())
          .containsExactly("r.safetensors");
    }
  }
}
