using Mdm.Engine.Standardization.Identifiers;

namespace Mdm.Tests.Reports;

/// <summary>
/// A hand-made store whose quality figures are known by hand. Three systems:
/// <list type="bullet">
/// <item>shop: S1 and S2 are one customer typed twice (same ID card, name, phone, address); S3 a second customer;
/// S4 an ID card with a wrong check digit, a 5-digit phone and an address with no division (and markup in it);
/// S5 an address that stops at the district (no street); two rejected rows (no key, a repeated key); transactions
/// S1 100.00, S2 50.50, S3 20.00.</item>
/// <item>crm: C1 the shop's S1/S2 customer again, on another house number; C2 a malformed e-mail; @C3 a name only.</item>
/// <item>old: one record on the first load, flagged deleted on the second: a system with no record left.</item>
/// </list>
/// </summary>
internal static class CraftedQualityData
{
    public static string Id(string first17) => first17 + NationalId.ComputeCheckChar(first17);

    public static readonly string Id1 = Id("44030519900101123");
    public static readonly string Id2 = Id("33010619850505222");
    public static readonly string Id3 = Id("31011519751111333");

    /// <summary>A resident ID whose check character is wrong.</summary>
    public static readonly string BadId = "11010119800101444" + (NationalId.ComputeCheckChar("11010119800101444") == '1' ? '2' : '1');

    private const string SourcesJson = """
        { "sources": [
            { "system": "shop", "path": "shop.csv", "key": "id", "kind": "person",
              "fields": { "name": "name", "national_id": "id_card", "phone": "phone", "address": "address" } },
            { "system": "crm", "path": "crm.csv", "key": "id", "kind": "person",
              "fields": { "name": "name", "national_id": "id_card", "phone": "phone", "email": "email", "address": "address" } },
            { "system": "old", "path": "old.csv", "key": "id", "kind": "person",
              "deleted": { "column": "deleted", "values": ["Y"] }, "fields": { "name": "name", "phone": "phone" } }
          ],
          "transactions": [ { "system": "shop", "path": "shop_txn.csv", "key": "id", "amount": "amount", "date": "date" } ] }
        """;

    /// <summary>Writes the files, loads them twice (the second load retires old's record) and returns the sources file.</summary>
    public static (string Sources, string Store) Create(string dir)
    {
        Write(dir, "sources.json", SourcesJson);
        Write(dir, "shop.csv",
            "id,name,id_card,phone,address\n" +
            $"S1,张伟,{Id1},13800138000,广东省深圳市南山区科技园路12号\n" +
            $"S2,张伟,{Id1},13800138000,广东省深圳市南山区科技园路12号\n" +
            $"S3,李娜,{Id2},13912345678,浙江省杭州市西湖区文三路90号\n" +
            $"S4,王芳,{BadId},12345,<script>alert(1)</script>幸福路88号\n" +
            "S5,赵强,,13700001111,北京市朝阳区\n" +
            ",无名,,13700002222,北京市朝阳区建国路1号\n" +
            "S3,李娜,,13912345678,浙江省杭州市西湖区文三路90号\n");
        Write(dir, "crm.csv",
            "id,name,id_card,phone,email,address\n" +
            $"C1,张伟,{Id1},13800138000,zhangwei@example.com,深圳市南山区科技园路14号\n" +
            $"C2,陈静,{Id3},13611112222,chenjing-at-example.com,上海市浦东新区世纪大道100号\n" +
            "@C3,周杰,,,,\n");
        Write(dir, "shop_txn.csv", "id,amount,date\nS1,100.00,2025-01-02\nS2,50.50,2025-02-03\nS3,20.00,2025-03-04\n");
        Write(dir, "old.csv", "id,name,phone,deleted\nO1,孙丽,13500000000,N\n");
        var sources = Path.Combine(dir, "sources.json");
        var store = Path.Combine(dir, "mdm.db");
        EndToEnd.EndToEnd.Load(sources, store);
        Write(dir, "old.csv", "id,name,phone,deleted\nO1,孙丽,13500000000,Y\n");
        EndToEnd.EndToEnd.Load(sources, store);
        return (sources, store);
    }

    private static void Write(string dir, string name, string text) =>
        File.WriteAllText(Path.Combine(dir, name), text, EndToEnd.EndToEnd.Utf8NoBom);
}
