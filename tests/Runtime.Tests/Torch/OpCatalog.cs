using DeepDsl.Torch;
using F = DeepDsl.Torch.torch.nn.functional;
using Reduction = DeepDsl.Torch.torch.nn.Reduction;

namespace DeepDsl.Runtime.Tests.Torch;

/// <summary>
/// The binding's call for each fixture case name: the same computation the generator script runs in PyTorch.
/// Constants (indices, labels, targets, running statistics) are made on the inputs' device.
/// </summary>
public static class OpCatalog
{
    public static Tensor Apply(OpCase c, Tensor[] t) => Ops[c.Name](t, c);

    private static Tensor Longs(Tensor like, params long[] values) => torch.tensor(values).to(like.device);

    private static readonly Dictionary<string, Func<Tensor[], OpCase, Tensor>> Ops = new()
    {
        // ops_math
        ["add"] = (t, _) => t[0] + t[1],
        ["add_alpha"] = (t, _) => t[0].add(t[1], -0.5),
        ["sub"] = (t, _) => t[0] - t[1],
        ["mul"] = (t, _) => t[0] * t[1],
        ["div"] = (t, _) => t[0] / t[1],
        ["add_broadcast"] = (t, _) => t[0] + t[1],
        ["add_scalar"] = (t, _) => t[0] + 2.5,
        ["sub_scalar"] = (t, _) => t[0] - 0.75,
        ["mul_scalar"] = (t, _) => t[0] * -1.5,
        ["div_scalar"] = (t, _) => t[0] / 4.0,
        ["rsub_scalar"] = (t, _) => 2.0 - t[0],
        ["rdiv_scalar"] = (t, _) => 2.0 / t[0],
        ["neg"] = (t, _) => -t[0],
        ["matmul"] = (t, _) => t[0].matmul(t[1]),
        ["linear"] = (t, _) => F.linear(t[0], t[1], t[2]),
        ["linear_no_bias"] = (t, _) => F.linear(t[0], t[1]),
        ["pow"] = (t, _) => t[0].pow(3.0),
        ["pow_tensor"] = (t, _) => t[0].pow(t[1]),
        ["sqrt"] = (t, _) => t[0].sqrt(),
        ["exp"] = (t, _) => t[0].exp(),
        ["log"] = (t, _) => t[0].log(),
        ["abs"] = (t, _) => t[0].abs(),
        ["sign"] = (t, _) => t[0].sign(),
        ["clamp"] = (t, _) => t[0].clamp(-0.5, 0.7),
        ["clamp_min"] = (t, _) => t[0].clamp(min: -0.2),
        ["maximum"] = (t, _) => t[0].maximum(t[1]),
        ["minimum"] = (t, _) => t[0].minimum(t[1]),
        ["sum"] = (t, _) => t[0].sum(),
        ["sum_dim"] = (t, _) => t[0].sum(1),
        ["sum_dim_keepdim"] = (t, _) => t[0].sum(0, keepdim: true),
        ["mean"] = (t, _) => t[0].mean(),
        ["mean_dim"] = (t, _) => t[0].mean(0),
        ["std_dim"] = (t, _) => t[0].std(1),
        ["std_dim_biased"] = (t, _) => t[0].std(1, unbiased: false),
        ["var_dim"] = (t, _) => t[0].var(0),
        ["max_dim"] = (t, _) => t[0].max(1).values,
        ["max_dim_indices"] = (t, _) => t[0].max(1).indexes,
        ["min_dim"] = (t, _) => t[0].min(0).values,
        ["argmax_dim"] = (t, _) => t[0].argmax(1),
        ["eq"] = (t, _) => t[0].eq(t[1]),
        ["gt"] = (t, _) => t[0].gt(t[1]),
        ["lt_scalar"] = (t, _) => t[0].lt(0.1),
        ["where"] = (t, _) => torch.where(t[0].gt(0.0), t[0], t[1]),
        ["masked_fill"] = (t, _) => t[0].masked_fill(t[0].lt(0.0), -7.0),
        ["reshape"] = (t, _) => t[0].reshape(2, 6),
        ["flatten"] = (t, _) => t[0].flatten(),
        ["flatten_from_1"] = (t, _) => t[0].flatten(1),
        ["narrow"] = (t, _) => t[0].narrow(1, 1, 2),
        ["index_select"] = (t, _) => t[0].index_select(0, Longs(t[0], 2, 0, 2)),
        ["cat"] = (t, _) => torch.cat([t[0], t[1]], 1),
        ["stack"] = (t, _) => torch.stack([t[0], t[1]], 0),
        ["transpose"] = (t, _) => t[0].transpose(0, 1),

        // ops_functional
        ["relu"] = (t, _) => F.relu(t[0]),
        ["leaky_relu"] = (t, _) => F.leaky_relu(t[0], 0.2),
        ["elu"] = (t, _) => F.elu(t[0], 1.3),
        ["selu"] = (t, _) => F.selu(t[0]),
        ["gelu"] = (t, _) => F.gelu(t[0]),
        ["silu"] = (t, _) => F.silu(t[0]),
        ["tanh"] = (t, _) => F.tanh(t[0]),
        ["sigmoid"] = (t, _) => F.sigmoid(t[0]),
        ["softmax"] = (t, _) => F.softmax(t[0], 1),
        ["softmax_dim0"] = (t, _) => F.softmax(t[0], 0),
        ["log_softmax"] = (t, _) => F.log_softmax(t[0], 1),
        ["prelu"] = (t, _) => F.prelu(t[0], t[1]),
        ["prelu_per_channel"] = (t, _) => F.prelu(t[0], t[1]),
        ["batch_norm_train"] = (t, _) => F.batch_norm(t[0], torch.zeros([3], t[0].dtype, t[0].device), torch.ones([3], t[0].dtype, t[0].device),
            t[1], t[2], training: true, momentum: 0.1, eps: 1e-5),
        ["batch_norm_eval"] = (t, c) => F.batch_norm(t[0], c.Constant("running_mean", t[0]), c.Constant("running_var", t[0]),
            t[1], t[2], training: false, eps: 1e-5),

        // ops_conv
        ["conv2d"] = (t, _) => F.conv2d(t[0], t[1], t[2]),
        ["conv2d_no_bias"] = (t, _) => F.conv2d(t[0], t[1]),
        ["conv2d_stride2_padding1"] = (t, _) => F.conv2d(t[0], t[1], t[2], stride: [2, 2], padding: [1, 1]),
        ["conv2d_even_kernel"] = (t, _) => F.conv2d(t[0], t[1], t[2]),
        ["conv2d_asymmetric"] = (t, _) => F.conv2d(t[0], t[1], t[2], stride: [2, 1], padding: [0, 1]),
        ["conv2d_dilation2"] = (t, _) => F.conv2d(t[0], t[1], t[2], dilation: [2, 2]),
        ["conv2d_groups2"] = (t, _) => F.conv2d(t[0], t[1], t[2], groups: 2),
        ["pad"] = (t, _) => F.pad(t[0], [1, 0, 2, 1]),
        ["pad_value"] = (t, _) => F.pad(t[0], [0, 2, 1, 1], -1.5),
        ["max_pool2d"] = (t, _) => F.max_pool2d(t[0], [2, 2]),
        ["max_pool2d_stride1"] = (t, _) => F.max_pool2d(t[0], [3, 2], stride: [1, 1]),
        ["max_pool2d_padding"] = (t, _) => F.max_pool2d(t[0], [3, 3], stride: [2, 2], padding: [1, 1]),
        ["max_pool2d_dilation2_ceil"] = (t, _) => F.max_pool2d(t[0], [2, 2], stride: [2, 2], dilation: [2, 2], ceil_mode: true),
        ["avg_pool2d"] = (t, _) => F.avg_pool2d(t[0], [2, 2]),
        ["avg_pool2d_padding_included"] = (t, _) => F.avg_pool2d(t[0], [3, 3], stride: [2, 2], padding: [1, 1]),
        ["avg_pool2d_padding_excluded"] = (t, _) => F.avg_pool2d(t[0], [3, 3], stride: [2, 2], padding: [1, 1], count_include_pad: false),
        ["avg_pool2d_ceil"] = (t, _) => F.avg_pool2d(t[0], [2, 2], stride: [2, 2], ceil_mode: true),
        ["adaptive_avg_pool2d"] = (t, _) => F.adaptive_avg_pool2d(t[0], [1, 1]),
        ["adaptive_avg_pool2d_uneven"] = (t, _) => F.adaptive_avg_pool2d(t[0], [3, 4]),

        // ops_losses
        ["cross_entropy"] = (t, c) => F.cross_entropy(t[0], Labels(c, t[0])),
        ["cross_entropy_sum"] = (t, c) => F.cross_entropy(t[0], Labels(c, t[0]), Reduction.Sum),
        ["cross_entropy_none"] = (t, c) => F.cross_entropy(t[0], Labels(c, t[0]), Reduction.None),
        ["cross_entropy_label_smoothing"] = (t, c) => F.cross_entropy(t[0], Labels(c, t[0]), label_smoothing: 0.1),
        ["nll_loss"] = (t, c) => F.nll_loss(F.log_softmax(t[0], 1), Labels(c, t[0])),
        ["nll_loss_sum"] = (t, c) => F.nll_loss(F.log_softmax(t[0], 1), Labels(c, t[0]), Reduction.Sum),
        ["mse_loss"] = (t, _) => F.mse_loss(t[0], t[1]),
        ["mse_loss_sum"] = (t, _) => F.mse_loss(t[0], t[1], Reduction.Sum),
        ["binary_cross_entropy"] = (t, c) => F.binary_cross_entropy(t[0], Targets(c, t[0])),
        ["binary_cross_entropy_soft_targets"] = (t, c) => F.binary_cross_entropy(t[0], Targets(c, t[0])),
        ["binary_cross_entropy_with_logits"] = (t, c) => F.binary_cross_entropy_with_logits(t[0], Targets(c, t[0])),
        ["binary_cross_entropy_with_logits_none"] = (t, c) => F.binary_cross_entropy_with_logits(t[0], Targets(c, t[0]), Reduction.None),
    };

    private static Tensor Labels(OpCase c, Tensor logits) => c.Constant("labels", logits, ScalarType.Int64);

    private static Tensor Targets(OpCase c, Tensor input) => c.Constant("targets", input).reshape(input.shape);
}
