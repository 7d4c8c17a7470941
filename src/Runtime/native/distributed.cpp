// c10d for data-parallel training: a rendezvous store (TCP, or a file on a shared filesystem), a
// process group (Gloo on CPU; NCCL when built against a CUDA libtorch that has it), and the three
// collectives the trainer needs. Each collective waits for its result, so a peer that died or a
// network that stalled surfaces here as an exception (the group's timeout bounds the wait), which
// the barrier turns into a TorchException on the C# side.
#include "shim.h"

#include <chrono>
#include <cstdlib>

#include <torch/version.h>

#ifdef DEEPDSL_WITH_C10D
#include <torch/csrc/distributed/c10d/FileStore.hpp>
#include <torch/csrc/distributed/c10d/ProcessGroupGloo.hpp>
#include <torch/csrc/distributed/c10d/TCPStore.hpp>
#ifdef USE_C10D_NCCL
#include <torch/csrc/distributed/c10d/ProcessGroupNCCL.hpp>
#endif

// The one place where libtorch generations differ: from 2.0 on, Gloo and NCCL are c10d::Backend implementations
// (c10d::ProcessGroup became the dispatcher over backends); in 1.x they are ProcessGroups themselves. The
// collectives the trainer calls are the same virtual methods on both.
#if TORCH_VERSION_MAJOR >= 2
using dd_group = c10d::Backend;
#else
using dd_group = c10d::ProcessGroup;
#endif

typedef c10::intrusive_ptr<c10d::Store>* dd_store;
typedef c10::intrusive_ptr<dd_group>* dd_process_group;

namespace {
std::chrono::milliseconds millis(double seconds) {
  return std::chrono::milliseconds(static_cast<int64_t>(seconds * 1000));
}

// A collective is finished only when its Work says so; wait() rethrows the peer's or transport's error.
void finish(const c10::intrusive_ptr<c10d::Work>& work) {
  work->wait();
}
}  // namespace

// Rank 0 (is_server) hosts the store at host:port; the others connect to it, each waiting up to the timeout.
DD_API dd_store dd_store_tcp(const char* host, int32_t port, int32_t world_size, bool is_server, double timeout_seconds) {
  try {
    c10d::TCPStoreOptions options;
    options.port = static_cast<std::uint16_t>(port);
    options.isServer = is_server;
    options.numWorkers = static_cast<std::size_t>(world_size);
    options.waitWorkers = false;  // the process group's own rendezvous waits for everyone, under its timeout
    options.timeout = millis(timeout_seconds);
#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 4)
    // From 2.4 the store's server runs on libuv by default, and a libtorch built without libuv (Debian's 2.6) then
    // refuses to start it. The classic server is in every build and serves a handful of ranks as well.
    options.useLibUV = false;
#endif
    return new c10::intrusive_ptr<c10d::Store>(c10::make_intrusive<c10d::TCPStore>(std::string(host), options));
  }
  DD_CATCH
  return nullptr;
}

DD_API dd_store dd_store_file(const char* path, int32_t world_size, double timeout_seconds) {
  try {
    auto store = c10::make_intrusive<c10d::FileStore>(std::string(path), world_size);
    store->setTimeout(millis(timeout_seconds));
    return new c10::intrusive_ptr<c10d::Store>(store);
  }
  DD_CATCH
  return nullptr;
}

DD_API void dd_store_free(dd_store store) { delete store; }

// backend 0: Gloo, whose transport binds to `hostname` (an address of this machine; NULL or empty: the
// interface GLOO_SOCKET_IFNAME names, else the machine's hostname, falling back to loopback). backend 1: NCCL, for CUDA tensors.
DD_API dd_process_group dd_process_group_new(dd_store store, int32_t rank, int32_t world_size, int32_t backend,
                                             const char* hostname, double timeout_seconds) {
  try {
    if (backend == 1) {
#ifdef USE_C10D_NCCL
      auto options = c10d::ProcessGroupNCCL::Options::create();
      options->timeout = millis(timeout_seconds);
      return new c10::intrusive_ptr<dd_group>(
          c10::make_intrusive<c10d::ProcessGroupNCCL>(*store, rank, world_size, options));
#else
      TORCH_CHECK(false, "this build of DeepDsl's native shim has no NCCL; build it against a CUDA libtorch (DEEPDSL_LIBTORCH)");
#endif
    }
    auto options = c10d::ProcessGroupGloo::Options::create(millis(timeout_seconds));
    std::string host = hostname ? hostname : "";
    // Across machines the hostname may resolve to a loopback alias (Debian's 127.0.1.1); GLOO_SOCKET_IFNAME names
    // the interface to use instead, as in PyTorch.
    const char* interface = std::getenv("GLOO_SOCKET_IFNAME");
    options->devices.push_back(!host.empty() ? c10d::ProcessGroupGloo::createDeviceForHostname(host)
                               : interface && *interface ? c10d::ProcessGroupGloo::createDeviceForInterface(interface)
                                                         : c10d::ProcessGroupGloo::createDefaultDevice());
    options->threads = 1;
    return new c10::intrusive_ptr<dd_group>(
        c10::make_intrusive<c10d::ProcessGroupGloo>(*store, rank, world_size, options));
  }
  DD_CATCH
  return nullptr;
}

DD_API void dd_process_group_free(dd_process_group group) { delete group; }

// op: 0 sum, 3 min, 4 max (c10d's RedOpType numbering). In place on every rank.
DD_API int32_t dd_all_reduce(dd_process_group group, dd_tensor tensor, int32_t op) {
  DD_RETURN_STATUS({
    std::vector<at::Tensor> tensors{*tensor};
    c10d::AllreduceOptions options;
    options.reduceOp = c10d::ReduceOp(static_cast<c10d::ReduceOp::RedOpType>(op));
    finish((*group)->allreduce(tensors, options));
  })
}

DD_API int32_t dd_broadcast(dd_process_group group, dd_tensor tensor, int32_t root) {
  DD_RETURN_STATUS({
    std::vector<at::Tensor> tensors{*tensor};
    c10d::BroadcastOptions options;
    options.rootRank = root;
    finish((*group)->broadcast(tensors, options));
  })
}

DD_API int32_t dd_barrier(dd_process_group group) { DD_RETURN_STATUS(finish((*group)->barrier())) }

DD_API int32_t dd_distributed_available() { return 1; }

#else
// Built against a libtorch whose c10d headers or Gloo were not found: every entry point says so.
namespace {
int32_t unavailable() {
  deepdsl::set_last_error("this build of DeepDsl's native shim has no c10d (libtorch's distributed headers and gloo were not found at build time)");
  return -1;
}
}  // namespace

DD_API void* dd_store_tcp(const char*, int32_t, int32_t, bool, double) { unavailable(); return nullptr; }
DD_API void* dd_store_file(const char*, int32_t, double) { unavailable(); return nullptr; }
DD_API void dd_store_free(void*) {}
DD_API void* dd_process_group_new(void*, int32_t, int32_t, int32_t, const char*, double) { unavailable(); return nullptr; }
DD_API void dd_process_group_free(void*) {}
DD_API int32_t dd_all_reduce(void*, dd_tensor, int32_t) { return unavailable(); }
DD_API int32_t dd_broadcast(void*, dd_tensor, int32_t) { return unavailable(); }
DD_API int32_t dd_barrier(void*) { return unavailable(); }
DD_API int32_t dd_distributed_available() { return 0; }
#endif
