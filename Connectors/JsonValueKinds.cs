using System.Text.Json;

namespace Mdm.Connectors;

internal static class JsonValueKinds
{
    /// <summary>A JSON value's kind as an error message says it ("an array", "null").</summary>
    public static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };
}
