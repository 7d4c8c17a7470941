namespace DeepDsl.Plots;

/// <summary>What a label in a chart is, written as its <c>data-role</c> so tests and readers can tell them apart.</summary>
public enum TextRole
{
    Title,
    XTitle,
    YTitle,
    XTick,
    YTick,
    Legend,
    Marker,
}
