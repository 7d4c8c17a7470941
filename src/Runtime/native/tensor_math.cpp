// Arithmetic, comparisons, reductions and the in-place updates optimizers need.
// Families of ops share one entry point with an op code (see the C# enums in Torch/Native/)
// so the ABI stays small; the switch costs nothing next to a libtorch dispatch.
#include "shim.h"

namespace {
at::IntArrayRef dims(const int64_t* d, int32_t n) { return at::IntArrayRef(d, static_cast<size_t>(n)); }
[[noreturn]] void unknown(const char* family, int32_t code) { TORCH_CHECK(false, "unknown ", family, " op code ", code); }
}  // namespace

DD_API dd_tensor dd_unary(dd_tensor t, int32_t op) {
  try {
    const at::Tensor& x = *t;
    switch (op) {
      case 0: return deepdsl::wrap(at::neg(x));
      case 1: return deepdsl::wrap(at::abs(x));
      case 2: return deepdsl::wrap(at::sign(x));
      case 3: return deepdsl::wrap(at::sqrt(x));
      case 4: return deepdsl::wrap(at::rsqrt(x));
      case 5: return deepdsl::wrap(at::exp(x));
      case 6: return deepdsl::wrap(at::log(x));
      case 7: return deepdsl::wrap(at::square(x));
      case 8: return deepdsl::wrap(at::relu(x));
      case 9: return deepdsl::wrap(at::selu(x));
      case 10: return deepdsl::wrap(at::gelu(x));
      case 11: return deepdsl::wrap(at::silu(x));
      case 12: return deepdsl::wrap(at::tanh(x));
      case 13: return deepdsl::wrap(at::sigmoid(x));
      case 14: return deepdsl::wrap(at::logical_not(x));
      case 15: return deepdsl::wrap(at::floor(x));
      case 16: return deepdsl::wrap(at::round(x));
      case 17: return deepdsl::wrap(at::isfinite(x));
      case 18: return deepdsl::wrap(at::isnan(x));
      default: unknown("unary", op);
    }
  }
  DD_CATCH
  return nullptr;
}

DD_API dd_tensor dd_binary(dd_tensor a, dd_tensor b, int32_t op) {
  try {
    const at::Tensor& x = *a;
    const at::Tensor& y = *b;
    switch (op) {
      case 0: return deepdsl::wrap(at::add(x, y));
      case 1: return deepdsl::wrap(at::sub(x, y));
      case 2: return deepdsl::wrap(at::mul(x, y));
      case 3: return deepdsl::wrap(at::div(x, y));
      case 4: return deepdsl::wrap(at::matmul(x, y));
      case 5: return deepdsl::wrap(at::pow(x, y));
      case 6: return deepdsl::wrap(at::maximum(x, y));
      case 7: return deepdsl::wrap(at::minimum(x, y));
      case 8: return deepdsl::wrap(at::eq(x, y));
      case 9: return deepdsl::wrap(at::ne(x, y));
      case 10: return deepdsl::wrap(at::gt(x, y));
      case 11: return deepdsl::wrap(at::lt(x, y));
      case 12: return deepdsl::wrap(at::ge(x, y));
      case 13: return deepdsl::wrap(at::le(x, y));
      case 14: return deepdsl::wrap(at::logical_and(x, y));
      case 15: return deepdsl::wrap(at::logical_or(x, y));
      default: unknown("binary", op);
    }
  }
  DD_CATCH
  return nullptr;
}

DD_API dd_tensor dd_binary_scalar(dd_tensor a, double s, int32_t op) {
  try {
    const at::Tensor& x = *a;
    switch (op) {
      case 0: return deepdsl::wrap(at::add(x, s));
      case 1: return deepdsl::wrap(at::sub(x, s));
      case 2: return deepdsl::wrap(at::mul(x, s));
      case 3: return deepdsl::wrap(at::div(x, s));
      case 5: return deepdsl::wrap(at::pow(x, s));
      case 8: return deepdsl::wrap(at::eq(x, s));
      case 9: return deepdsl::wrap(at::ne(x, s));
      case 10: return deepdsl::wrap(at::gt(x, s));
      case 11: return deepdsl::wrap(at::lt(x, s));
      case 12: return deepdsl::wrap(at::ge(x, s));
      case 13: return deepdsl::wrap(at::le(x, s));
      case 16: return deepdsl::wrap(at::rsub(x, s));  // s - x
      default: unknown("scalar", op);
    }
  }
  DD_CATCH
  return nullptr;
}

DD_API dd_tensor dd_add_scaled(dd_tensor a, dd_tensor b, double alpha) { DD_RETURN_TENSOR(at::add(*a, *b, alpha)) }

DD_API dd_tensor dd_clamp(dd_tensor t, double min, double max, bool has_min, bool has_max) {
  DD_RETURN_TENSOR(at::clamp(*t, has_min ? c10::optional<at::Scalar>(min) : c10::nullopt,
                             has_max ? c10::optional<at::Scalar>(max) : c10::nullopt))
}

DD_API dd_tensor dd_where(dd_tensor condition, dd_tensor a, dd_tensor b) { DD_RETURN_TENSOR(at::where(*condition, *a, *b)) }

DD_API dd_tensor dd_masked_fill(dd_tensor t, dd_tensor mask, double value) { DD_RETURN_TENSOR(at::masked_fill(*t, *mask, value)) }

DD_API dd_tensor dd_linear(dd_tensor x, dd_tensor weight, dd_tensor bias) {
  DD_RETURN_TENSOR(at::linear(*x, *weight, deepdsl::optional(bias)))
}

DD_API dd_tensor dd_addmm(dd_tensor c, dd_tensor a, dd_tensor b, double beta, double alpha) {
  DD_RETURN_TENSOR(at::addmm(*c, *a, *b, beta, alpha))
}

// Reductions over all elements: 0 sum, 1 mean, 2 max, 3 min, 4 prod, 5 L2 norm, 6 any, 7 all.
DD_API dd_tensor dd_reduce_all(dd_tensor t, int32_t op) {
  try {
    const at::Tensor& x = *t;
    switch (op) {
      case 0: return deepdsl::wrap(at::sum(x));
      case 1: return deepdsl::wrap(at::mean(x));
      case 2: return deepdsl::wrap(at::max(x));
      case 3: return deepdsl::wrap(at::min(x));
      case 4: return deepdsl::wrap(at::prod(x));
      case 5: return deepdsl::wrap(at::norm(x));
      case 6: return deepdsl::wrap(at::any(x));
      case 7: return deepdsl::wrap(at::all(x));
      default: unknown("reduction", op);
    }
  }
  DD_CATCH
  return nullptr;
}

// Reductions over dimensions: 0 sum, 1 mean, 5 L2 norm.
DD_API dd_tensor dd_reduce_dims(dd_tensor t, const int64_t* d, int32_t n, bool keepdim, int32_t op) {
  try {
    const at::Tensor& x = *t;
    switch (op) {
      case 0: return deepdsl::wrap(at::sum(x, dims(d, n), keepdim));
      case 1: return deepdsl::wrap(at::mean(x, dims(d, n), keepdim));
      case 5: return deepdsl::wrap(at::norm(x, 2, dims(d, n), keepdim));
      default: unknown("dimension reduction", op);
    }
  }
  DD_CATCH
  return nullptr;
}

// Standard deviation (is_var false) or variance over dims (n == 0: all elements).
DD_API dd_tensor dd_std_var(dd_tensor t, const int64_t* d, int32_t n, bool unbiased, bool keepdim, bool is_var) {
  try {
    auto dim = n == 0 ? at::OptionalIntArrayRef() : at::OptionalIntArrayRef(dims(d, n));
    int64_t correction = unbiased ? 1 : 0;
    return deepdsl::wrap(is_var ? at::var(*t, dim, correction, keepdim) : at::std(*t, dim, correction, keepdim));
  }
  DD_CATCH
  return nullptr;
}

// max (is_min false) or min along a dimension: values and indices.
DD_API int32_t dd_minmax_dim(dd_tensor t, int64_t dim, bool keepdim, bool is_min, dd_tensor* values, dd_tensor* indices) {
  DD_RETURN_STATUS({
    auto result = is_min ? at::min(*t, dim, keepdim) : at::max(*t, dim, keepdim);
    *values = deepdsl::wrap(std::get<0>(result));
    *indices = deepdsl::wrap(std::get<1>(result));
  })
}

DD_API dd_tensor dd_argmax(dd_tensor t, int64_t dim, bool has_dim, bool keepdim) {
  DD_RETURN_TENSOR(at::argmax(*t, has_dim ? c10::optional<int64_t>(dim) : c10::nullopt, keepdim))
}

// ---- in place -------------------------------------------------------------------------------

// 0 zero_, 1 neg_, 2 sqrt_, 3 abs_, 4 exp_, 5 relu_, 6 sign_
DD_API int32_t dd_unary_(dd_tensor t, int32_t op) {
  DD_RETURN_STATUS({
    switch (op) {
      case 0: t->zero_(); break;
      case 1: t->neg_(); break;
      case 2: t->sqrt_(); break;
      case 3: t->abs_(); break;
      case 4: t->exp_(); break;
      case 5: t->relu_(); break;
      case 6: t->sign_(); break;
      default: unknown("in-place unary", op);
    }
  })
}

// 0 add_, 1 sub_, 2 mul_, 3 div_, 6 maximum (into self), 7 minimum (into self), 20 copy_
DD_API int32_t dd_binary_(dd_tensor a, dd_tensor b, int32_t op) {
  DD_RETURN_STATUS({
    switch (op) {
      case 0: a->add_(*b); break;
      case 1: a->sub_(*b); break;
      case 2: a->mul_(*b); break;
      case 3: a->div_(*b); break;
      case 6: at::maximum_out(*a, *a, *b); break;
      case 7: at::minimum_out(*a, *a, *b); break;
      case 20: a->copy_(*b); break;
      default: unknown("in-place binary", op);
    }
  })
}

// 0 add_, 1 sub_, 2 mul_, 3 div_, 5 pow_, 21 fill_, 22 clamp_min_, 23 clamp_max_
DD_API int32_t dd_scalar_(dd_tensor t, double s, int32_t op) {
  DD_RETURN_STATUS({
    switch (op) {
      case 0: t->add_(s); break;
      case 1: t->sub_(s); break;
      case 2: t->mul_(s); break;
      case 3: t->div_(s); break;
      case 5: t->pow_(s); break;
      case 21: t->fill_(s); break;
      case 22: t->clamp_min_(s); break;
      case 23: t->clamp_max_(s); break;
      default: unknown("in-place scalar", op);
    }
  })
}

DD_API int32_t dd_add_scaled_(dd_tensor a, dd_tensor b, double alpha) { DD_RETURN_STATUS(a->add_(*b, alpha)) }
DD_API int32_t dd_addcmul_(dd_tensor t, dd_tensor t1, dd_tensor t2, double value) { DD_RETURN_STATUS(t->addcmul_(*t1, *t2, value)) }
DD_API int32_t dd_addcdiv_(dd_tensor t, dd_tensor t1, dd_tensor t2, double value) { DD_RETURN_STATUS(t->addcdiv_(*t1, *t2, value)) }
DD_API int32_t dd_lerp_(dd_tensor t, dd_tensor end, double weight) { DD_RETURN_STATUS(t->lerp_(*end, weight)) }
DD_API int32_t dd_clamp_(dd_tensor t, double min, double max) { DD_RETURN_STATUS(t->clamp_(min, max)) }
DD_API int32_t dd_masked_fill_(dd_tensor t, dd_tensor mask, double value) { DD_RETURN_STATUS(t->masked_fill_(*mask, value)) }
