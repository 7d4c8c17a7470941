// Process-wide runtime settings and facts: seed, threads, CUDA presence, versions.
#include "shim.h"

#include <ATen/Parallel.h>
#include <ATen/detail/CUDAHooksInterface.h>
#include <cstring>
#include <dlfcn.h>
#include <torch/version.h>

DD_API int32_t dd_manual_seed(uint64_t seed) { DD_RETURN_STATUS(at::manual_seed(seed)) }

namespace {
// OpenBLAS, which Debian's libtorch multiplies matrices with, keeps a thread pool of its own that at::set_num_threads
// does not reach, sized to the machine by default. How it splits a product changes the last bits of the result, and
// its threads spin against any other busy process, so both pools follow one number. Found by name in the copy
// libtorch already loaded (never loading one): another BLAS (MKL, in a CUDA libtorch) is left to at::set_num_threads.
void* loaded_openblas_symbol(const char* name) {
  for (const char* library : {"libopenblas.so.0", "libblas.so.3"}) {
    if (void* handle = dlopen(library, RTLD_LAZY | RTLD_NOLOAD)) {
      void* symbol = dlsym(handle, name);
      dlclose(handle);
      if (symbol != nullptr) return symbol;
    }
  }
  return nullptr;
}
}  // namespace

DD_API int32_t dd_set_num_threads(int32_t n) {
  DD_RETURN_STATUS(
      at::set_num_threads(n);
      if (auto set = reinterpret_cast<void (*)(int)>(loaded_openblas_symbol("openblas_set_num_threads"))) set(n))
}

DD_API int32_t dd_get_num_threads() { return at::get_num_threads(); }

// OpenBLAS's thread count, or -1 when libtorch does not use OpenBLAS.
DD_API int32_t dd_get_blas_threads() {
  auto get = reinterpret_cast<int (*)()>(loaded_openblas_symbol("openblas_get_num_threads"));
  return get != nullptr ? get() : -1;
}

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
