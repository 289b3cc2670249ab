package dev.shapetorch.vision.datasets;

import java.util.List;
import java.util.Map;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One object annotation of a COCO file, as {@link CocoDetection} returns it: the fields every
 * detection annotation has, typed, and all its fields as read ({@link #fields()}), for the
 * segmentation, keypoints and anything else a file adds.
 *
 * <p>Shape: {@link #bbox()} is {@code [x, y, width, height]} in pixels, COCO's {@code xywh}
 * order (torchvision's {@code box_convert(..., "xywh", "xyxy")} turns it into corners).
 *
 * @param id the annotation's {@code id}, or -1 if the file gives none
 * @param imageId its {@code image_id}
 * @param categoryId its {@code category_id}, or -1 (caption files have none)
 * @param bbox its {@code bbox}, four numbers, or null when absent
 * @param area its {@code area}, or NaN when absent
 * @param iscrowd its {@code iscrowd} (0 or 1 in COCO), false when absent
 * @param fields every field of the annotation as plain Java values: {@code Map}, {@code List},
 *     {@code String}, {@code Boolean}, {@code Long} for integers, {@code Double}
 */
public record CocoAnnotation(long id, long imageId, long categoryId, double @Nullable [] bbox,
    double area, boolean iscrowd, Map<String, Object> fields) {

  /** Copies the box. */
  public CocoAnnotation {
    if (fields == null) {
      throw new IllegalArgumentException("CocoAnnotation: fields is null; pass the annotation's"
          + " fields (an empty map if it has none)");
    }
    if (bbox != null && bbox.length != 4) {
      throw new IllegalArgumentException("CocoAnnotation: bbox has " + bbox.length
          + " numbers; COCO's is [x, y, width, height]");
    }
    bbox = bbox == null ? null : bbox.clone();
    fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
  }

  /** The box, {@code [x, y, width, height]} (a copy), or null. */
  @Override
  public double @Nullable [] bbox() {
    return bbox == null ? null : bbox.clone();
  }

  /**
   * The annotation's polygons ({@code segmentation} as a list of {@code [x1, y1, x2, y2, ...]}),
   * or an empty list when it has none or gives a run-length encoding ({@code iscrowd}).
   */
  public List<double[]> polygons() {
    Object s = fields.get("segmentation");
    if (!(s instanceof List<?> list)) {
      return List.of();
    }
    List<double[]> out = new java.util.ArrayList<>();
    for (Object poly : list) {
      if (poly instanceof List<?> coords) {
        double[] xy = new double[coords.size()];
        for (int i = 0; i < xy.length; i++) {
          xy[i] = ((Number) coords.get(i)).doubleValue();
        }
        out.add(xy);
      }
    }
    return out;
  }

  static CocoAnnotation of(Map<String, Object> f) {
    double[] box = null;
    if (f.get("bbox") instanceof List<?> b && b.size() == 4) {
      box = new double[4];
      for (int i = 0; i < 4; i++) {
        box[i] = ((Number) b.get(i)).doubleValue();
      }
    }
    Object crowd = f.get("iscrowd");
    boolean isCrowd = crowd instanceof Number n ? n.longValue() != 0
        : crowd instanceof Boolean bool && bool;
    return new CocoAnnotation(longOr(f.get("id"), -1), longOr(f.get("image_id"), -1),
        longOr(f.get("category_id"), -1), box,
        f.get("area") instanceof Number a ? a.doubleValue() : Double.NaN, isCrowd, f);
  }

  private static long longOr(Object v, long otherwise) {
    return v instanceof Number n ? n.longValue() : otherwise;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CocoAnnotation a && id == a.id && imageId == a.imageId
        && categoryId == a.categoryId && java.util.Arrays.equals(bbox, a.bbox)
        && Double.compare(area, a.area) == 0 && iscrowd == a.iscrowd && fields.equals(a.fields);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(id, imageId, categoryId, java.util.Arrays.hashCode(bbox), area,
        iscrowd, fields);
  }

  @Override
  public String toString() {
    return "CocoAnnotation[id=" + id + ", imageId=" + imageId + ", categoryId=" + categoryId
        + ", bbox=" + java.util.Arrays.toString(bbox) + ", area=" + area + ", iscrowd="
        + iscrowd + "]";
  }
}
