using DeepDsl.Torch.Native;

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
            public static Tensor leaky_relu(Tensor x, double negative_slope = 0.01) => new(LibTorch.dd_leaky_relu(x.Handle, negative_slope));
            public static Tensor elu(Tensor x, double alpha = 1.0) => new(LibTorch.dd_elu(x.Handle, alpha));
            public static Tensor selu(Tensor x) => x.selu();
            public static Tensor gelu(Tensor x) => x.gelu();
            public static Tensor silu(Tensor x) => x.silu();
            public static Tensor tanh(Tensor x) => x.tanh();
            public static Tensor sigmoid(Tensor x) => x.sigmoid();
            public static Tensor softmax(Tensor x, long dim) => new(LibTorch.dd_softmax(x.Handle, dim));
            public static Tensor log_softmax(Tensor x, long dim) => new(LibTorch.dd_log_softmax(x.Handle, dim));
            public static Tensor prelu(Tensor x, Tensor weight) => new(LibTorch.dd_prelu(x.Handle, weight.Handle));
            public static Tensor dropout(Tensor x, double p = 0.5, bool training = true) => new(LibTorch.dd_dropout(x.Handle, p, training));
            public static Tensor alpha_dropout(Tensor x, double p = 0.5, bool training = true) => new(LibTorch.dd_alpha_dropout(x.Handle, p, training));

            /// <summary>y = x·Wᵀ + b (addmm), as torch.nn.functional.linear.</summary>
            public static Tensor linear(Tensor x, Tensor weight, Tensor? bias = null)
            {
                var result = new Tensor(LibTorch.dd_linear(x.Handle, weight.Handle, Raw(bias)));
                GC.KeepAlive(bias);
                return result;
            }

            /// <summary>Batch normalisation; in training mode it updates the running statistics in place.</summary>
            public static Tensor batch_norm(Tensor x, Tensor? running_mean, Tensor? running_var, Tensor? weight = null, Tensor? bias = null,
                bool training = false, double momentum = 0.1, double eps = 1e-5)
            {
                var result = new Tensor(LibTorch.dd_batch_norm(x.Handle, Raw(weight), Raw(bias), Raw(running_mean), Raw(running_var), training, momentum, eps));
                GC.KeepAlive(weight); GC.KeepAlive(bias); GC.KeepAlive(running_mean); GC.KeepAlive(running_var);
                return result;
            }

            /// <summary>Cross entropy of logits against integer class labels.</summary>
            public static Tensor cross_entropy(Tensor input, Tensor target, Reduction reduction = Reduction.Mean, double label_smoothing = 0) =>
                new(LibTorch.dd_cross_entropy(input.Handle, target.Handle, (int)reduction, label_smoothing));

            public static Tensor nll_loss(Tensor input, Tensor target, Reduction reduction = Reduction.Mean) =>
                new(LibTorch.dd_nll_loss(input.Handle, target.Handle, (int)reduction));

            public static Tensor mse_loss(Tensor input, Tensor target, Reduction reduction = Reduction.Mean) =>
                new(LibTorch.dd_mse_loss(input.Handle, target.Handle, (int)reduction));

            public static Tensor binary_cross_entropy(Tensor input, Tensor target, Reduction reduction = Reduction.Mean) =>
                new(LibTorch.dd_binary_cross_entropy(input.Handle, target.Handle, (int)reduction));

            public static Tensor binary_cross_entropy_with_logits(Tensor input, Tensor target, Reduction reduction = Reduction.Mean) =>
                new(LibTorch.dd_binary_cross_entropy_with_logits(input.Handle, target.Handle, (int)reduction));

            private static IntPtr Raw(Tensor? t) => t?.Handle.DangerousGetHandle() ?? IntPtr.Zero;
        }
    }
}
