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
