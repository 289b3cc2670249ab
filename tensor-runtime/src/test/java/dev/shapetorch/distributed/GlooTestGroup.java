package dev.shapetorch.distributed;

import org.bytedeco.pytorch.BackendOptional;
import org.bytedeco.pytorch.FileStore;
import org.bytedeco.pytorch.ProcessGroup;
import org.bytedeco.pytorch.ProcessGroupGloo;
import org.bytedeco.pytorch.global.torch;

/**
 * A native Gloo process group on a file store, on loopback, for the DDP tests until the package's
 * own initialisation is used; the construction of DESIGN.md's "Distributed training" facts.
 * Returns a handle libtorch gave back ({@code currentProcessGroup()}), safe to pass to several
 * {@code intrusive_ptr} parameters.
 */
final class GlooTestGroup {

  private GlooTestGroup() {}

  static ProcessGroup create(String storeFile, int rank, int worldSize) {
    FileStore store = new FileStore(storeFile, worldSize);
    store.deallocate(false); // taken over by the Gloo backend below
    ProcessGroupGloo.Options options = ProcessGroupGloo.Options.create();
    options.devices().push_back(ProcessGroupGloo.createDeviceForHostname("127.0.0.1"));
    ProcessGroupGloo gloo = new ProcessGroupGloo(store, rank, worldSize, options);
    gloo.deallocate(false); // taken over by the process group
    ProcessGroup group = new ProcessGroup(store.clone(), rank, worldSize);
    group.setBackend(torch.DeviceType.CPU, ProcessGroup.BackendType.GLOO,
        new BackendOptional(gloo));
    group.setDefaultBackend(ProcessGroup.BackendType.GLOO);
    torch.setProcessGroup(group);
    group.deallocate(false); // owned by libtorch's current-group slot now
    return torch.currentProcessGroup();
  }
}
