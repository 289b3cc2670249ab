package dev.shapetorch.distributed;

import org.bytedeco.javacpp.Pointer;
import org.bytedeco.pytorch.BackendOptional;
import org.bytedeco.pytorch.ProcessGroupGloo;
import org.bytedeco.pytorch.Store;
import org.bytedeco.pytorch.global.torch;
import org.bytedeco.pytorch.global.torch.DeviceType;

/**
 * Builds the c10d {@code ProcessGroup} of {@link ProcessGroup#nativeGroup()} so that Java's
 * ownership and libtorch's reference counts agree. Package-private.
 *
 * <p>A JavaCPP object made with {@code new} is owned by Java; the first {@code intrusive_ptr}
 * parameter it is passed to takes it over (refcount 0 to 1) and a second one aborts the JVM
 * ("Newly-created target had non-zero refcounts"), as DESIGN.md's distributed facts say for
 * stores. So the Gloo backend is handed to the group once and Java lets go of it, and the group
 * is handed once to c10d's current-group slot, read back as a handle that owns a reference of its
 * own (safe to pass any number of times), and the slot is cleared again.
 */
final class NativeGroups {

  private NativeGroups() {}

  /**
   * A c10d group over {@code gloo} whose handle owns one reference; closing the handle frees the
   * group and with it {@code gloo} once no {@code Reducer} holds them. {@code gloo} is no longer
   * Java's to free afterwards.
   */
  static org.bytedeco.pytorch.ProcessGroup share(
      Store store, ProcessGroupGloo gloo, int rank, int worldSize) {
    org.bytedeco.pytorch.ProcessGroup pg =
        new org.bytedeco.pytorch.ProcessGroup(store.clone(), rank, worldSize);
    pg.setBackend(DeviceType.CPU, org.bytedeco.pytorch.ProcessGroup.BackendType.GLOO,
        new BackendOptional(gloo));
    gloo.deallocate(false); // the group's intrusive_ptr owns it now
    pg.setDefaultBackend(org.bytedeco.pytorch.ProcessGroup.BackendType.GLOO);
    torch.setProcessGroup(pg); // takes pg over
    pg.deallocate(false);
    org.bytedeco.pytorch.ProcessGroup shared = torch.currentProcessGroup();
    // The slot lets go (an empty intrusive_ptr: a Java null crashes in JNI); the shared handle
    // holds the reference.
    torch.setProcessGroup(new org.bytedeco.pytorch.ProcessGroup((Pointer) null));
    return shared;
  }
}
