// Shape operations: views, reshapes, slicing, gathering and joining.
#include "shim.h"

namespace {
at::IntArrayRef dims(const int64_t* shape, int32_t ndim) { return at::IntArrayRef(shape, static_cast<size_t>(ndim)); }

std::vector<at::Tensor> list(const dd_tensor* tensors, int32_t n) {
  std::vector<at::Tensor> result;
  result.reserve(n);
  for (int32_t i = 0; i < n; ++i) result.push_back(*tensors[i]);
  return result;
}
}  // namespace

DD_API dd_tensor dd_reshape(dd_tensor t, const int64_t* shape, int32_t ndim) { DD_RETURN_TENSOR(t->reshape(dims(shape, ndim))) }
DD_API dd_tensor dd_view(dd_tensor t, const int64_t* shape, int32_t ndim) { DD_RETURN_TENSOR(t->view(dims(shape, ndim))) }
DD_API dd_tensor dd_flatten(dd_tensor t, int64_t start, int64_t end) { DD_RETURN_TENSOR(t->flatten(start, end)) }
DD_API dd_tensor dd_narrow(dd_tensor t, int64_t dim, int64_t start, int64_t length) { DD_RETURN_TENSOR(t->narrow(dim, start, length)) }
DD_API dd_tensor dd_select(dd_tensor t, int64_t dim, int64_t index) { DD_RETURN_TENSOR(t->select(dim, index)) }
DD_API dd_tensor dd_index_select(dd_tensor t, int64_t dim, dd_tensor index) { DD_RETURN_TENSOR(t->index_select(dim, *index)) }
DD_API dd_tensor dd_transpose(dd_tensor t, int64_t d0, int64_t d1) { DD_RETURN_TENSOR(t->transpose(d0, d1)) }
DD_API dd_tensor dd_permute(dd_tensor t, const int64_t* order, int32_t n) { DD_RETURN_TENSOR(t->permute(dims(order, n))) }
DD_API dd_tensor dd_contiguous(dd_tensor t) { DD_RETURN_TENSOR(t->contiguous()) }
DD_API dd_tensor dd_unsqueeze(dd_tensor t, int64_t dim) { DD_RETURN_TENSOR(t->unsqueeze(dim)) }
DD_API dd_tensor dd_squeeze(dd_tensor t, int64_t dim) { DD_RETURN_TENSOR(t->squeeze(dim)) }
DD_API dd_tensor dd_expand(dd_tensor t, const int64_t* shape, int32_t ndim) { DD_RETURN_TENSOR(t->expand(dims(shape, ndim))) }
DD_API dd_tensor dd_cat(const dd_tensor* tensors, int32_t n, int64_t dim) { DD_RETURN_TENSOR(at::cat(list(tensors, n), dim)) }
DD_API dd_tensor dd_stack(const dd_tensor* tensors, int32_t n, int64_t dim) { DD_RETURN_TENSOR(at::stack(list(tensors, n), dim)) }
