package dev.shapetorch.distributed;

/** The collectives, as numbered in {@link ShapeAgreement}'s records. */
enum Collective {
  ALL_REDUCE("allReduce"),
  BROADCAST("broadcast"),
  ALL_GATHER("allGather"),
  REDUCE_SCATTER("reduceScatter"),
  GATHER("gather"),
  SCATTER("scatter"),
  BARRIER("barrier");

  private final String method;

  Collective(String method) {
    this.method = method;
  }

  /** {@code ProcessGroup.allReduce}. */
  String op() {
    return "ProcessGroup." + method;
  }

  /** The method's name for code {@code code}, {@code "?"} for an unknown code. */
  static String name(int code) {
    Collective[] all = values();
    return code >= 0 && code < all.length ? all[code].method : "an unknown collective " + code;
  }
}
