// Autograd: gradients, grad mode, and the flat parameter buffer the optimizers update.
#include "shim.h"

#include <ATen/core/grad_mode.h>

DD_API bool dd_requires_grad(dd_tensor t) { return t->requires_grad(); }
DD_API int32_t dd_set_requires_grad(dd_tensor t, bool value) { DD_RETURN_STATUS(t->requires_grad_(value)) }
DD_API bool dd_is_leaf(dd_tensor t) { return t->is_leaf(); }

DD_API int32_t dd_backward(dd_tensor t, dd_tensor gradient, bool retain_graph) {
  DD_RETURN_STATUS(t->backward(gradient ? *gradient : at::Tensor(), retain_graph, /*create_graph=*/false))
}

// *out receives the gradient, or nullptr when none has been computed.
DD_API int32_t dd_grad(dd_tensor t, dd_tensor* out) {
  DD_RETURN_STATUS({
    const auto& g = t->grad();
    *out = g.defined() ? deepdsl::wrap(g) : nullptr;
  })
}

DD_API int32_t dd_set_grad(dd_tensor t, dd_tensor gradient) {
  DD_RETURN_STATUS(t->mutable_grad() = gradient ? *gradient : at::Tensor())
}

DD_API dd_tensor dd_detach(dd_tensor t) { DD_RETURN_TENSOR(t->detach()) }

DD_API bool dd_is_grad_enabled() { return at::GradMode::is_enabled(); }
DD_API void dd_set_grad_enabled(bool enabled) { at::GradMode::set_enabled(enabled); }

// Re-seats each parameter as a view into one contiguous buffer, and its gradient as a view into
// a second one. Optimizers then update all parameters with a handful of whole-buffer ops instead
// of a loop of small ops per parameter — the per-op overhead is what dominates small networks.
// Autograd accumulates into the gradient views in place as long as they stay defined, so the
// trainer zeroes the gradient buffer instead of setting gradients to None.
DD_API int32_t dd_flatten_parameters(dd_tensor* params, int32_t n, dd_tensor* flat_out, dd_tensor* grad_out) {
  DD_RETURN_STATUS({
    TORCH_CHECK(n > 0, "flatten_parameters: no parameters");
    at::NoGradGuard no_grad;
    int64_t total = 0;
    const auto opts = params[0]->options().requires_grad(false);
    for (int32_t i = 0; i < n; ++i) {
      TORCH_CHECK(params[i]->dtype() == params[0]->dtype() && params[i]->device() == params[0]->device(),
                  "flatten_parameters: all parameters must share dtype and device; parameter ", i, " is ",
                  params[i]->toString(), " on ", params[i]->device(), ", parameter 0 is ", params[0]->toString(), " on ",
                  params[0]->device());
      total += params[i]->numel();
    }
    auto flat = at::empty({total}, opts);
    auto grad = at::zeros({total}, opts);
    int64_t offset = 0;
    for (int32_t i = 0; i < n; ++i) {
      at::Tensor& p = *params[i];
      const int64_t count = p.numel();
      auto view = flat.narrow(0, offset, count).view(p.sizes());
      view.copy_(p);
      auto leaf = view.detach();
      leaf.requires_grad_(p.requires_grad());
      leaf.mutable_grad() = grad.narrow(0, offset, count).view(p.sizes());
      p = leaf;
      offset += count;
    }
    *flat_out = deepdsl::wrap(std::move(flat));
    *grad_out = deepdsl::wrap(std::move(grad));
  })
}
