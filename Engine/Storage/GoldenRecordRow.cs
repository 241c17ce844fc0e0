using Mdm.Engine.Records;
using Mdm.Engine.Resolution;

namespace Mdm.Engine.Storage;

/// <summary>
/// A golden record as stored: fields and lineage already serialized. Survivorship serializes each record as it builds
/// it, so a million golden records do not live on (and burden the collector) until the write; as UTF-8, which is what
/// the store writes and about half the memory of .NET strings (a 1M-record load holds ~350 MB of it at its peak).
/// </summary>
public sealed record GoldenRecordRow(string GoldenId, PartyKind Kind, byte[] FieldsUtf8, byte[] LineageUtf8, int MemberCount, string Systems)
{
    public string FieldsJson => System.Text.Encoding.UTF8.GetString(FieldsUtf8);
    public string LineageJson => System.Text.Encoding.UTF8.GetString(LineageUtf8);

    public static GoldenRecordRow From(GoldenRecord g) =>
        new(g.GoldenId, g.Kind, Storage.FieldsJson.SerializeUtf8(g.Fields), Storage.FieldsJson.SerializeLineageUtf8(g.Lineage), g.MemberCount, string.Join(',', g.Systems));
}
