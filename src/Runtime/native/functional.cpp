// nn.functional: parameterised activations, dropout (element-wise and per channel), batch norm and losses.
#include "shim.h"

namespace {
// Reductions as in torch.nn.functional: 0 none, 1 mean, 2 sum.
int64_t reduction(int32_t r) { return r; }
}  // namespace

DD_API dd_tensor dd_leaky_relu(dd_tensor x, double slope) { DD_RETURN_TENSOR(at::leaky_relu(*x, slope)) }
DD_API dd_tensor dd_elu(dd_tensor x, double alpha) { DD_RETURN_TENSOR(at::elu(*x, alpha)) }
DD_API dd_tensor dd_prelu(dd_tensor x, dd_tensor weight) { DD_RETURN_TENSOR(at::prelu(*x, *weight)) }
DD_API dd_tensor dd_softmax(dd_tensor x, int64_t dim) { DD_RETURN_TENSOR(at::softmax(*x, dim)) }
DD_API dd_tensor dd_log_softmax(dd_tensor x, int64_t dim) { DD_RETURN_TENSOR(at::log_softmax(*x, dim)) }
DD_API dd_tensor dd_dropout(dd_tensor x, double p, bool train) { DD_RETURN_TENSOR(at::dropout(*x, p, train)) }
DD_API dd_tensor dd_alpha_dropout(dd_tensor x, double p, bool train) { DD_RETURN_TENSOR(at::alpha_dropout(*x, p, train)) }
// Spatial dropout: one draw per (sample, channel), dimension 1 being the channels.
DD_API dd_tensor dd_feature_dropout(dd_tensor x, double p, bool train) { DD_RETURN_TENSOR(at::feature_dropout(*x, p, train)) }

DD_API dd_tensor dd_batch_norm(dd_tensor x, dd_tensor weight, dd_tensor bias, dd_tensor running_mean, dd_tensor running_var,
                               bool training, double momentum, double eps) {
  DD_RETURN_TENSOR(at::batch_norm(*x, deepdsl::optional(weight), deepdsl::optional(bias), deepdsl::optional(running_mean), deepdsl::optional(running_var),
                                  training, momentum, eps, /*cudnn_enabled=*/true))
}

DD_API dd_tensor dd_cross_entropy(dd_tensor logits, dd_tensor target, int32_t red, double label_smoothing) {
  DD_RETURN_TENSOR(at::cross_entropy_loss(*logits, *target, c10::nullopt, reduction(red), -100, label_smoothing))
}

DD_API dd_tensor dd_nll_loss(dd_tensor log_probs, dd_tensor target, int32_t red) {
  DD_RETURN_TENSOR(at::nll_loss(*log_probs, *target, c10::nullopt, reduction(red), -100))
}

DD_API dd_tensor dd_mse_loss(dd_tensor input, dd_tensor target, int32_t red) { DD_RETURN_TENSOR(at::mse_loss(*input, *target, reduction(red))) }

DD_API dd_tensor dd_binary_cross_entropy(dd_tensor input, dd_tensor target, int32_t red) {
  DD_RETURN_TENSOR(at::binary_cross_entropy(*input, *target, c10::nullopt, reduction(red)))
}

DD_API dd_tensor dd_binary_cross_entropy_with_logits(dd_tensor input, dd_tensor target, int32_t red) {
  DD_RETURN_TENSOR(at::binary_cross_entropy_with_logits(*input, *target, c10::nullopt, c10::nullopt, reduction(red)))
}
