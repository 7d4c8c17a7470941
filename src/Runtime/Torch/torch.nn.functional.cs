using DeepDsl.Engines;

namespace DeepDsl.Torch;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>How a loss reduces over the batch.</summary>
        public enum Reduction { None = 0, Mean = 1, Sum = 2 }

        /// <summary>Stateless layers and losses, as torch.nn.functional.</summary>
        public static class functional
        {
            public static Tensor relu(Tensor x) => x.relu();
            public static Tensor leaky_relu(Tensor x, double negative_slope = 0.01) => new(Engine.Current.LeakyRelu(x.Handle, negative_slope));
            public static Tensor elu(Tensor x, double alpha = 1.0) => new(Engine.Current.Elu(x.Handle, alpha));
            public static Tensor selu(Tensor x) => x.selu();
            public static Tensor gelu(Tensor x) => x.gelu();
            public static Tensor silu(Tensor x) => x.silu();
            public static Tensor tanh(Tensor x) => x.tanh();
            public static Tensor sigmoid(Tensor x) => x.sigmoid();
            public static Tensor softmax(Tensor x, long dim) => new(Engine.Current.Softmax(x.Handle, dim));
            public static Tensor log_softmax(Tensor x, long dim) => new(Engine.Current.LogSoftmax(x.Handle, dim));
            public static Tensor prelu(Tensor x, Tensor weight) => new(Engine.Current.Prelu(x.Handle, weight.Handle));
            public static Tensor dropout(Tensor x, double p = 0.5, bool training = true) => new(Engine.Current.Dropout(x.Handle, p, training));
            public static Tensor alpha_dropout(Tensor x, double p = 0.5, bool training = true) => new(Engine.Current.AlphaDropout(x.Handle, p, training));

            /// <summary>Drops whole channels (dimension 1) with probability p and scales the rest by 1/(1−p): spatial dropout.</summary>
            public static Tensor feature_dropout(Tensor x, double p = 0.5, bool training = true) => new(Engine.Current.FeatureDropout(x.Handle, p, training));

            /// <summary>
            /// 2-D convolution of [N, C_in, H, W] with a weight [C_out, C_in/groups, kH, kW], as torch.nn.functional.conv2d;
            /// stride, padding (the same on both sides) and dilation are (height, width) pairs.
            /// </summary>
            public static Tensor conv2d(Tensor input, Tensor weight, Tensor? bias = null, long[]? stride = null, long[]? padding = null,
                long[]? dilation = null, long groups = 1) =>
                new(Engine.Current.Conv2d(input.Handle, weight.Handle, bias?.Handle, SizePair.Checked(stride ?? [1, 1]), SizePair.Checked(padding ?? [0, 0]),
                    SizePair.Checked(dilation ?? [1, 1]), groups));

            /// <summary>Constant padding: (before, after) for the last dimension, then the one before it, …, as torch.nn.functional.pad.</summary>
            public static Tensor pad(Tensor input, long[] pad, double value = 0) => new(Engine.Current.Pad(input.Handle, pad, value));

            /// <summary>Max pooling over (height, width); the stride defaults to the kernel, padding counts as −∞.</summary>
            public static Tensor max_pool2d(Tensor input, long[] kernel_size, long[]? stride = null, long[]? padding = null, long[]? dilation = null,
                bool ceil_mode = false) =>
                new(Engine.Current.MaxPool2d(input.Handle, SizePair.Checked(kernel_size), SizePair.Checked(stride ?? kernel_size), SizePair.Checked(padding ?? [0, 0]),
                    SizePair.Checked(dilation ?? [1, 1]), ceil_mode));

            /// <summary>Average pooling over (height, width); the stride defaults to the kernel.</summary>
            public static Tensor avg_pool2d(Tensor input, long[] kernel_size, long[]? stride = null, long[]? padding = null, bool ceil_mode = false,
                bool count_include_pad = true) =>
                new(Engine.Current.AvgPool2d(input.Handle, SizePair.Checked(kernel_size), SizePair.Checked(stride ?? kernel_size), SizePair.Checked(padding ?? [0, 0]),
                    ceil_mode, count_include_pad));

            /// <summary>Average pooling to a fixed (height, width), whatever the input's.</summary>
            public static Tensor adaptive_avg_pool2d(Tensor input, long[] output_size) => new(Engine.Current.AdaptiveAvgPool2d(input.Handle, SizePair.Checked(output_size)));

            /// <summary>y = x·Wᵀ + b (addmm), as torch.nn.functional.linear.</summary>
            public static Tensor linear(Tensor x, Tensor weight, Tensor? bias = null)
            {
                return new Tensor(Engine.Current.Linear(x.Handle, weight.Handle, bias?.Handle));
            }

            /// <summary>Batch normalisation; in training mode it updates the running statistics in place.</summary>
            public static Tensor batch_norm(Tensor x, Tensor? running_mean, Tensor? running_var, Tensor? weight = null, Tensor? bias = null,
                bool training = false, double momentum = 0.1, double eps = 1e-5)
            {
                return new Tensor(Engine.Current.BatchNorm(x.Handle, weight?.Handle, bias?.Handle, running_mean?.Handle, running_var?.Handle, training, momentum, eps));
            }

            /// <summary>Cross entropy of logits against integer class labels.</summary>
            public static Tensor cross_entropy(Tensor input, Tensor target, Reduction reduction = Reduction.Mean, double label_smoothing = 0) =>
                new(Engine.Current.CrossEntropy(input.Handle, target.Handle, reduction, label_smoothing));

            public static Tensor nll_loss(Tensor input, Tensor target, Reduction reduction = Reduction.Mean) =>
                new(Engine.Current.NllLoss(input.Handle, target.Handle, reduction));

            public static Tensor mse_loss(Tensor input, Tensor target, Reduction reduction = Reduction.Mean) =>
                new(Engine.Current.MseLoss(input.Handle, target.Handle, reduction));

            public static Tensor binary_cross_entropy(Tensor input, Tensor target, Reduction reduction = Reduction.Mean) =>
                new(Engine.Current.BinaryCrossEntropy(input.Handle, target.Handle, reduction));

            public static Tensor binary_cross_entropy_with_logits(Tensor input, Tensor target, Reduction reduction = Reduction.Mean) =>
                new(Engine.Current.BinaryCrossEntropyWithLogits(input.Handle, target.Handle, reduction));
        }
    }
}
