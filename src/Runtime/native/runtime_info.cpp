// Process-wide runtime settings and facts: seed, threads, CUDA presence, versions.
#include "shim.h"

#include <ATen/Parallel.h>
#include <ATen/detail/CUDAHooksInterface.h>
#include <cstring>
#include <torch/version.h>

DD_API int32_t dd_manual_seed(uint64_t seed) { DD_RETURN_STATUS(at::manual_seed(seed)) }

DD_API int32_t dd_set_num_threads(int32_t n) { DD_RETURN_STATUS(at::set_num_threads(n)) }

DD_API int32_t dd_get_num_threads() { return at::get_num_threads(); }

DD_API int32_t dd_cuda_device_count() {
  try {
    return at::detail::getCUDAHooks().getNumGPUs();
  }
  DD_CATCH
  return 0;
}

DD_API int32_t dd_cuda_synchronize(int32_t device_index) {
  DD_RETURN_STATUS(if (at::detail::getCUDAHooks().getNumGPUs() > 0) at::detail::getCUDAHooks().deviceSynchronize(device_index))
}

// Copies libtorch's build configuration (version, BLAS, CUDA) into buffer; returns its full length.
DD_API int64_t dd_config(char* buffer, int64_t capacity) {
  try {
    std::string text = std::string("libtorch ") + TORCH_VERSION + "\n" + at::show_config();
    if (buffer && capacity > 0) {
      auto n = std::min<int64_t>(capacity - 1, static_cast<int64_t>(text.size()));
      std::memcpy(buffer, text.data(), n);
      buffer[n] = 0;
    }
    return static_cast<int64_t>(text.size());
  }
  DD_CATCH
  return -1;
}
