namespace DeepDsl.Torch;

/// <summary>Element types; the values are c10::ScalarType's.</summary>
public enum ScalarType : sbyte
{
    Byte = 0,
    Int32 = 3,
    Int64 = 4,
    Float32 = 6,
    Float64 = 7,
    Bool = 11,
}
