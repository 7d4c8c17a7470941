// Convolution, constant padding and pooling over [N, C, H, W] tensors. Every size is a pair (height, width): the
// C# side has already turned a layer's Keras padding into numbers. Only overloads present in libtorch 1.13 and 2.x
// (IntArrayRef, not SymInt) are called.
#include "shim.h"

namespace {
at::IntArrayRef pair(const int64_t* values) { return at::IntArrayRef(values, 2); }
}  // namespace

DD_API dd_tensor dd_conv2d(dd_tensor x, dd_tensor weight, dd_tensor bias, const int64_t* stride, const int64_t* padding,
                           const int64_t* dilation, int64_t groups) {
  DD_RETURN_TENSOR(at::conv2d(*x, *weight, deepdsl::optional(bias), pair(stride), pair(padding), pair(dilation), groups))
}

// pads: (before, after) per dimension from the last one backwards, as torch.nn.functional.pad.
DD_API dd_tensor dd_pad(dd_tensor x, const int64_t* pads, int32_t n, double value) {
  DD_RETURN_TENSOR(at::constant_pad_nd(*x, at::IntArrayRef(pads, static_cast<size_t>(n)), value))
}

DD_API dd_tensor dd_max_pool2d(dd_tensor x, const int64_t* kernel, const int64_t* stride, const int64_t* padding,
                               const int64_t* dilation, bool ceil_mode) {
  DD_RETURN_TENSOR(at::max_pool2d(*x, pair(kernel), pair(stride), pair(padding), pair(dilation), ceil_mode))
}

DD_API dd_tensor dd_avg_pool2d(dd_tensor x, const int64_t* kernel, const int64_t* stride, const int64_t* padding, bool ceil_mode,
                               bool count_include_pad) {
  DD_RETURN_TENSOR(at::avg_pool2d(*x, pair(kernel), pair(stride), pair(padding), ceil_mode, count_include_pad, c10::nullopt))
}

DD_API dd_tensor dd_adaptive_avg_pool2d(dd_tensor x, const int64_t* output) {
  DD_RETURN_TENSOR(at::adaptive_avg_pool2d(*x, pair(output)))
}
