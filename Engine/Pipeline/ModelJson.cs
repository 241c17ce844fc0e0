using System.Text.Json;

namespace Mdm.Engine.Pipeline;

/// <summary>How trained models are kept in the store: camelCase, readable Chinese.</summary>
internal static class ModelJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
