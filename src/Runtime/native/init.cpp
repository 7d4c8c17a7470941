// In-place random initialisation kernels that need more than one libtorch call:
// truncated normal (as Keras draws its *_normal initializers) and orthogonal matrices.
#include "shim.h"

#include <ATen/core/grad_mode.h>

DD_API int32_t dd_normal_(dd_tensor t, double mean, double std) {
  DD_RETURN_STATUS({
    at::NoGradGuard no_grad;
    t->normal_(mean, std);
  })
}

DD_API int32_t dd_uniform_(dd_tensor t, double low, double high) {
  DD_RETURN_STATUS({
    at::NoGradGuard no_grad;
    t->uniform_(low, high);
  })
}

// Normal(mean, std) truncated to [mean - 2 std, mean + 2 std] by redrawing the samples outside,
// which is how TensorFlow's truncated_normal (and so Keras) draws.
DD_API int32_t dd_truncated_normal_(dd_tensor t, double mean, double std) {
  DD_RETURN_STATUS({
    at::NoGradGuard no_grad;
    auto x = at::randn(t->sizes(), t->options().requires_grad(false));
    auto outside = x.abs() > 2.0;
    while (outside.any().item<bool>()) {
      x = at::where(outside, at::randn(t->sizes(), x.options()), x);
      outside = x.abs() > 2.0;
    }
    t->copy_(x.mul_(std).add_(mean));
  })
}

// Keras's Orthogonal: QR of a normal matrix of the tensor's 2-D shape (transposed when wide),
// Q's columns signed by R's diagonal so the result is uniformly distributed, times gain.
DD_API int32_t dd_orthogonal_(dd_tensor t, double gain) {
  DD_RETURN_STATUS({
    at::NoGradGuard no_grad;
    TORCH_CHECK(t->dim() >= 2, "orthogonal initialisation needs a tensor of at least 2 dimensions, got ", t->dim());
    const int64_t rows = t->size(0);
    const int64_t cols = t->numel() / rows;
    auto a = at::randn({rows, cols}, t->options().requires_grad(false).dtype(at::kDouble));
    const bool wide = rows < cols;
    if (wide) a = a.t();
    auto qr = at::linalg_qr(a);
    auto q = std::get<0>(qr);
    auto d = std::get<1>(qr).diagonal();
    q = q * d.sign();
    if (wide) q = q.t();
    t->copy_(q.reshape(t->sizes()).mul(gain));
  })
}

// Re-seats a tensor handle on another device, keeping it a leaf with its requires_grad flag,
// so that modules can move their parameters without the C# objects changing identity.
DD_API int32_t dd_move_to_device(dd_tensor t, int32_t device_type, int32_t device_index) {
  DD_RETURN_STATUS({
    at::NoGradGuard no_grad;
    const bool grad = t->requires_grad();
    auto moved = t->to(at::Device(static_cast<at::DeviceType>(device_type), static_cast<c10::DeviceIndex>(device_index))).detach();
    if (grad) moved.requires_grad_(true);
    *t = moved;
  })
}
