package dev.shapetorch.vision.datasets;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A COCO annotation file read as pycocotools' {@code COCO} reads it: the images by id, and the
 * annotations of each image in the order of the file. Package-private; {@link CocoDetection}
 * and {@link CocoCaptions} share it.
 */
final class CocoIndex {
  /** The image ids, ascending (torchvision's {@code sorted(coco.imgs.keys())}). */
  final List<Long> ids;
  /** The file name of each image id. */
  final Map<Long, String> fileNames;
  /** The annotations of each image id, as plain Java values, in file order. */
  final Map<Long, List<Map<String, Object>>> annotations;

  private CocoIndex(List<Long> ids, Map<Long, String> fileNames,
      Map<Long, List<Map<String, Object>>> annotations) {
    this.ids = ids;
    this.fileNames = fileNames;
    this.annotations = annotations;
  }

  static CocoIndex read(String dataset, Path annFile) {
    if (annFile == null) {
      throw new IllegalArgumentException(dataset + ": the annotation file is null");
    }
    if (!Files.isRegularFile(annFile)) {
      throw new DatasetException(dataset + ": the annotation file " + annFile + " does not exist;"
          + " give the path of a COCO file such as annotations/instances_val2017.json");
    }
    JsonObject root;
    try (Reader r = Files.newBufferedReader(annFile, StandardCharsets.UTF_8)) {
      JsonElement e = JsonParser.parseReader(r);
      if (!e.isJsonObject()) {
        throw new DatasetException(dataset + ": " + annFile + " is not a COCO annotation file:"
            + " its top level is not a JSON object");
      }
      root = e.getAsJsonObject();
    } catch (IOException | JsonParseException e) {
      throw new DatasetException(dataset + ": cannot read " + annFile + " as JSON: "
          + e.getMessage(), e);
    }
    JsonArray images = array(dataset, annFile, root, "images");
    Map<Long, String> fileNames = new TreeMap<>();
    for (JsonElement e : images) {
      JsonObject img = object(dataset, annFile, e, "an entry of \"images\"");
      long id = number(dataset, annFile, img, "id", "an image").longValue();
      if (!img.has("file_name") || !img.get("file_name").isJsonPrimitive()) {
        throw new DatasetException(dataset + ": image " + id + " of " + annFile
            + " has no \"file_name\"");
      }
      fileNames.put(id, img.get("file_name").getAsString());
    }
    Map<Long, List<Map<String, Object>>> anns = new LinkedHashMap<>();
    if (root.has("annotations")) {
      for (JsonElement e : array(dataset, annFile, root, "annotations")) {
        JsonObject ann = object(dataset, annFile, e, "an entry of \"annotations\"");
        long imageId = number(dataset, annFile, ann, "image_id", "an annotation").longValue();
        @SuppressWarnings("unchecked")
        Map<String, Object> plain = (Map<String, Object>) plain(ann);
        anns.computeIfAbsent(imageId, k -> new ArrayList<>()).add(plain);
      }
    }
    return new CocoIndex(List.copyOf(fileNames.keySet()), fileNames, anns);
  }

  List<Map<String, Object>> annotationsOf(long imageId) {
    return annotations.getOrDefault(imageId, Collections.emptyList());
  }

  private static JsonArray array(String dataset, Path file, JsonObject o, String key) {
    if (!o.has(key) || !o.get(key).isJsonArray()) {
      throw new DatasetException(dataset + ": " + file + " is not a COCO annotation file: it has"
          + " no \"" + key + "\" array");
    }
    return o.getAsJsonArray(key);
  }

  private static JsonObject object(String dataset, Path file, JsonElement e, String what) {
    if (!e.isJsonObject()) {
      throw new DatasetException(dataset + ": " + what + " of " + file + " is not an object: "
          + e);
    }
    return e.getAsJsonObject();
  }

  private static Number number(String dataset, Path file, JsonObject o, String key,
      String what) {
    if (!o.has(key) || !o.get(key).isJsonPrimitive() || !o.get(key).getAsJsonPrimitive()
        .isNumber()) {
      throw new DatasetException(dataset + ": " + what + " of " + file + " has no numeric \""
          + key + "\": " + o);
    }
    return o.get(key).getAsNumber();
  }

  /** A JSON value as Java: Map, List, String, Boolean, Long (integers), Double, or null. */
  static Object plain(JsonElement e) {
    if (e == null || e.isJsonNull()) {
      return null;
    }
    if (e.isJsonObject()) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (var entry : e.getAsJsonObject().entrySet()) {
        out.put(entry.getKey(), plain(entry.getValue()));
      }
      return Collections.unmodifiableMap(out);
    }
    if (e.isJsonArray()) {
      List<Object> out = new ArrayList<>();
      for (JsonElement x : e.getAsJsonArray()) {
        out.add(plain(x));
      }
      return Collections.unmodifiableList(out);
    }
    var p = e.getAsJsonPrimitive();
    if (p.isBoolean()) {
      return p.getAsBoolean();
    }
    if (p.isString()) {
      return p.getAsString();
    }
    String text = p.getAsString();
    if (text.matches("-?\\d+")) {
      try {
        return Long.parseLong(text);
      } catch (NumberFormatException tooBig) {
        return p.getAsDouble();
      }
    }
    return p.getAsDouble();
  }
}
