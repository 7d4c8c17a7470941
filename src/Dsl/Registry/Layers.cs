using DeepDsl.Dsl.Model;
using DeepDsl.Dsl.Schema;
using DeepDsl.Dsl.Shapes;

namespace DeepDsl.Dsl.Registry;

/// <summary>
/// Every layer kind of the language, declared once: the schema, the spec builder (each kind's record), the shape inference
/// (the record's <see cref="LayerSpec.Output"/>) and the generator read this table. `repeat` and `residual` are structure,
/// not layers: <see cref="LanguageSchema.Layer"/> adds them.
/// </summary>
public static class Layers
{
    private const string Nn = "DeepDsl.Nn.";

    // Sizes are capped so a hostile spec cannot make parameter counts overflow or ask for absurd windows.
    private static readonly IntShape Units = new(Min: 1, Max: int.MaxValue);
    private static readonly IntShape Channels = new(Min: 1, Max: 1 << 20);
    private static readonly IntShape Side = new(Min: 1, Max: 1024);

    // Kernels, strides, dilations and pools: one integer for both axes or [height, width] (Keras's int or tuple).
    private static readonly PairShape Window = new(Side);
    private static readonly NumberShape Fraction = new(Min: 0, Max: 1, MaxExclusive: true);
    private static readonly NumberShape NonNegative = new(Min: 0);
    private static readonly NumberShape Positive = new(Min: 0, MinExclusive: true);
    private static readonly StringShape PaddingShape = new(Padding.All);

    private static Argument A(Field field) => new(field, null);

    private static readonly Argument Rate = A(new Field("rate", Fraction, "Drop probability in [0, 1).", Required: true));

    // What every layer with a kernel takes, in the order dense has always written them.
    private static Argument[] Kernel(string activationDefault) =>
    [
        A(new Field("activation", Activations.Shape, "Activation after the layer.", Default: activationDefault)),
        A(new Field("kernel_init", Initializers.Shape, "Weight initializer.", Default: "glorot_uniform")),
        A(new Field("bias_init", Initializers.Shape, "Bias initializer.", Default: "zeros")),
        A(new Field("use_bias", new BoolShape(), "Whether the layer has a bias.", Default: true)),
        A(new Field("l1", NonNegative, "L1 penalty on the weights.", Default: 0.0)),
        A(new Field("l2", NonNegative, "L2 penalty on the weights.", Default: 0.0)),
    ];

    private static Argument[] Pool(string what) =>
    [
        A(new Field("pool_size", Window, $"Size of the window: one side for a square, or [height, width] ({what}).", Default: 2L)),
        A(new Field("strides", Window, "Step between windows: one for both axes, or [height, width] (default: pool_size).", Nullable: true)),
        A(new Field("padding", PaddingShape, "valid (windows inside the image) or same (ceil(size / strides) outputs, TensorFlow's rule).", Default: Padding.Valid)),
    ];

    public static readonly Registry<LayerDeclaration> Registry = new("layer", [
        new("flatten", "Flattens each example to a vector.", Nn + "Flatten", [], s => new FlattenLayer(s.Name, s.Path)),
        new("dense", "Fully connected layer (on vectors).", Nn + "Linear",
            [A(new Field("units", Units, "Number of units.", Required: true)), .. Kernel("linear"),
             A(new Field("max_norm", Positive, "Max-norm constraint on each unit's incoming weights.", Nullable: true))],
            s => new DenseLayer(s.Name, s.Path, s.Int("units"), s.Activation("activation"), s.Initializer("kernel_init"), s.Initializer("bias_init"),
                s.Bool("use_bias"), s.Number("l1"), s.Number("l2"), s.NumberOrNull("max_norm"))) { AllowBare = false },
        new("conv2d", "2-D convolution over images [channels, height, width] (Keras's Conv2D).", Nn + "Conv2d",
            [A(new Field("filters", Channels, "Output channels.", Required: true)),
             A(new Field("kernel_size", Window, "Size of the kernel: one side for a square, or [height, width].", Required: true)),
             A(new Field("strides", Window, "Step of the kernel: one for both axes, or [height, width].", Default: 1L)),
             A(new Field("padding", PaddingShape, "valid (no padding) or same (ceil(size / strides) outputs, TensorFlow's rule, also for even kernels and strides > 1).", Default: Padding.Valid)),
             A(new Field("dilation_rate", Window, "Spacing of the kernel's taps: one for both axes, or [height, width].", Default: 1L)),
             A(new Field("groups", Channels, "Channel groups convolved apart (input channels and filters must be multiples).", Default: 1L)),
             .. Kernel("linear")],
            s => new Conv2dLayer(s.Name, s.Path, s.Int("filters"), s.Pair("kernel_size"), s.Pair("strides"), s.String("padding"), s.Pair("dilation_rate"),
                s.Int("groups"), s.Activation("activation"), s.Initializer("kernel_init"), s.Initializer("bias_init"), s.Bool("use_bias"), s.Number("l1"), s.Number("l2")))
            { AllowBare = false },
        new("max_pool2d", "Largest value of each window (Keras's MaxPooling2D).", Nn + "MaxPool2d", Pool("default 2"),
            s => new MaxPool2dLayer(s.Name, s.Path, s.Pair("pool_size"), s.PairOrNull("strides") ?? s.Pair("pool_size"), s.String("padding"))),
        new("avg_pool2d", "Mean of each window (Keras's AveragePooling2D; with same padding, of the cells inside the image).", Nn + "AvgPool2d", Pool("default 2"),
            s => new AvgPool2dLayer(s.Name, s.Path, s.Pair("pool_size"), s.PairOrNull("strides") ?? s.Pair("pool_size"), s.String("padding"))),
        new("global_avg_pool2d", "Each channel's mean over the image: [channels, height, width] → [channels].", Nn + "GlobalAvgPool2d", [],
            s => new GlobalAvgPool2dLayer(s.Name, s.Path)),
        new("batch_norm", "Batch normalization (Keras semantics): per feature of a vector, per channel of an image.", null,
            [A(new Field("momentum", Fraction, "Moving-average momentum (Keras: 0.99; PyTorch's 0.01).", Default: 0.99)),
             A(new Field("epsilon", Positive, "Added to the variance.", Default: 0.001))],
            s => new BatchNormLayer(s.Name, s.Path, s.Number("momentum"), s.Number("epsilon"))),
        new("activation", "An activation on its own.", null,
            [A(new Field("activation", Activations.Shape, "The activation.", Required: true))],
            s => new ActivationLayer(s.Name, s.Path, s.Activation("activation"))) { AllowBare = false, Shorthand = "activation" },
        new("dropout", "Dropout: zeroes inputs with probability rate while training.", Nn + "Dropout", [Rate],
            s => new DropoutLayer(s.Name, s.Path, s.Number("rate"))) { AllowBare = false, Shorthand = "rate" },
        new("alpha_dropout", "Dropout that keeps a SELU network self-normalized.", Nn + "AlphaDropout", [Rate],
            s => new AlphaDropoutLayer(s.Name, s.Path, s.Number("rate"))) { AllowBare = false, Shorthand = "rate" },
        new("spatial_dropout", "Dropout of whole channels of an image (Keras's SpatialDropout2D).", Nn + "SpatialDropout2d", [Rate],
            s => new SpatialDropoutLayer(s.Name, s.Path, s.Number("rate"))) { AllowBare = false, Shorthand = "rate" },
    ]);

    public static LayerDeclaration Get(string name, string asker) => Registry.Get(name, asker);
}
