// Creating tensors, reading their metadata, and copying data between managed and native memory.
#include "shim.h"

#include <cstring>

using deepdsl::options;

namespace {
at::IntArrayRef dims(const int64_t* shape, int32_t ndim) { return at::IntArrayRef(shape, static_cast<size_t>(ndim)); }
}  // namespace

DD_API void dd_tensor_free(dd_tensor t) { delete t; }

DD_API dd_tensor dd_zeros(const int64_t* shape, int32_t ndim, int8_t dtype, int32_t dev, int32_t idx, bool grad) {
  DD_RETURN_TENSOR(at::zeros(dims(shape, ndim), options(dtype, dev, idx)).requires_grad_(grad))
}

DD_API dd_tensor dd_ones(const int64_t* shape, int32_t ndim, int8_t dtype, int32_t dev, int32_t idx, bool grad) {
  DD_RETURN_TENSOR(at::ones(dims(shape, ndim), options(dtype, dev, idx)).requires_grad_(grad))
}

DD_API dd_tensor dd_empty(const int64_t* shape, int32_t ndim, int8_t dtype, int32_t dev, int32_t idx, bool grad) {
  DD_RETURN_TENSOR(at::empty(dims(shape, ndim), options(dtype, dev, idx)).requires_grad_(grad))
}

DD_API dd_tensor dd_full(const int64_t* shape, int32_t ndim, double value, int8_t dtype, int32_t dev, int32_t idx, bool grad) {
  DD_RETURN_TENSOR(at::full(dims(shape, ndim), value, options(dtype, dev, idx)).requires_grad_(grad))
}

DD_API dd_tensor dd_arange(double start, double end, double step, int8_t dtype, int32_t dev, int32_t idx) {
  DD_RETURN_TENSOR(at::arange(start, end, step, options(dtype, dev, idx)))
}

DD_API dd_tensor dd_randn(const int64_t* shape, int32_t ndim, int8_t dtype, int32_t dev, int32_t idx) {
  DD_RETURN_TENSOR(at::randn(dims(shape, ndim), options(dtype, dev, idx)))
}

DD_API dd_tensor dd_rand(const int64_t* shape, int32_t ndim, int8_t dtype, int32_t dev, int32_t idx) {
  DD_RETURN_TENSOR(at::rand(dims(shape, ndim), options(dtype, dev, idx)))
}

DD_API dd_tensor dd_randint(int64_t low, int64_t high, const int64_t* shape, int32_t ndim, int8_t dtype, int32_t dev, int32_t idx) {
  DD_RETURN_TENSOR(at::randint(low, high, dims(shape, ndim), options(dtype, dev, idx)))
}

DD_API dd_tensor dd_randperm(int64_t n, int8_t dtype, int32_t dev, int32_t idx) {
  DD_RETURN_TENSOR(at::randperm(n, options(dtype, dev, idx)))
}

// Copies nbytes from managed memory into a new CPU tensor of the given shape and dtype.
DD_API dd_tensor dd_from_data(const void* data, const int64_t* shape, int32_t ndim, int8_t dtype) {
  try {
    auto t = at::empty(dims(shape, ndim), options(dtype, static_cast<int32_t>(at::kCPU), -1));
    std::memcpy(t.data_ptr(), data, t.nbytes());
    return deepdsl::wrap(std::move(t));
  }
  DD_CATCH
  return nullptr;
}

// Copies the tensor's elements (any device, any layout) into managed memory of nbytes.
DD_API int32_t dd_copy_to(dd_tensor t, void* destination, int64_t nbytes) {
  DD_RETURN_STATUS({
    auto cpu = t->to(at::kCPU).contiguous();
    TORCH_CHECK(static_cast<int64_t>(cpu.nbytes()) == nbytes, "copy_to: the tensor has ", cpu.nbytes(),
                " bytes but the destination holds ", nbytes);
    std::memcpy(destination, cpu.data_ptr(), cpu.nbytes());
  })
}

DD_API int32_t dd_item(dd_tensor t, double* value) { DD_RETURN_STATUS(*value = t->item<double>()) }

DD_API int32_t dd_dim(dd_tensor t) { return static_cast<int32_t>(t->dim()); }

DD_API void dd_shape(dd_tensor t, int64_t* out) {
  auto sizes = t->sizes();
  std::memcpy(out, sizes.data(), sizes.size() * sizeof(int64_t));
}

DD_API int64_t dd_numel(dd_tensor t) { return t->numel(); }

DD_API int8_t dd_dtype(dd_tensor t) { return static_cast<int8_t>(t->scalar_type()); }

DD_API int32_t dd_device_type(dd_tensor t) { return static_cast<int32_t>(t->device().type()); }

DD_API int32_t dd_device_index(dd_tensor t) { return static_cast<int32_t>(t->device().index()); }

DD_API bool dd_is_contiguous(dd_tensor t) { return t->is_contiguous(); }

DD_API dd_tensor dd_to(dd_tensor t, int8_t dtype, int32_t dev, int32_t idx, bool copy) {
  DD_RETURN_TENSOR(t->to(options(dtype, dev, idx), /*non_blocking=*/false, copy))
}

DD_API dd_tensor dd_clone(dd_tensor t) { DD_RETURN_TENSOR(t->clone()) }

DD_API dd_tensor dd_alias(dd_tensor t) { DD_RETURN_TENSOR(*t) }
