// Shared definitions of the C ABI shim: handle type, exported-function macro and the
// exception barrier. No C++ exception may cross into .NET: every exported function catches
// everything, parks the message in a thread-local, and returns a failure value that the C#
// side turns into a TorchException carrying libtorch's message.
#pragma once

#include <ATen/ATen.h>
#include <cstdint>
#include <string>

#define DD_API extern "C" __attribute__((visibility("default")))

// A tensor handle is a heap-allocated at::Tensor (one intrusive pointer); the C# side owns it
// through a SafeHandle and frees it with dd_tensor_free.
typedef at::Tensor* dd_tensor;

namespace deepdsl {
void set_last_error(const char* message);

inline dd_tensor wrap(at::Tensor&& t) { return new at::Tensor(std::move(t)); }
inline dd_tensor wrap(const at::Tensor& t) { return new at::Tensor(t); }

// An optional tensor argument (a bias, running statistics): a null handle is "none".
inline c10::optional<at::Tensor> optional(dd_tensor t) { return t ? c10::optional<at::Tensor>(*t) : c10::nullopt; }

inline at::TensorOptions options(int8_t dtype, int32_t device_type, int32_t device_index) {
  return at::TensorOptions()
      .dtype(static_cast<at::ScalarType>(dtype))
      .device(at::Device(static_cast<at::DeviceType>(device_type), static_cast<c10::DeviceIndex>(device_index)));
}
}  // namespace deepdsl

#define DD_CATCH                                                        \
  catch (const c10::Error& e) {                                         \
    deepdsl::set_last_error(e.what_without_backtrace());                \
  }                                                                     \
  catch (const std::exception& e) {                                     \
    deepdsl::set_last_error(e.what());                                  \
  }                                                                     \
  catch (...) {                                                         \
    deepdsl::set_last_error("unknown native exception in libtorch");   \
  }

// Body of a function returning a new tensor handle; nullptr signals an error.
#define DD_RETURN_TENSOR(expr)            \
  try {                                   \
    return deepdsl::wrap(expr);           \
  }                                       \
  DD_CATCH                                \
  return nullptr;

// Body of a function with no result; 0 is success, -1 an error.
#define DD_RETURN_STATUS(statements)      \
  try {                                   \
    statements;                           \
    return 0;                             \
  }                                       \
  DD_CATCH                                \
  return -1;
