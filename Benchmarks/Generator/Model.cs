using Mdm.Benchmarks.Generator.ReferenceData;

namespace Mdm.Benchmarks.Generator;

/// <summary>A postal address as the truth knows it; each system renders it its own way.</summary>
internal sealed class PostalAddress
{
    public required County County { get; init; }
    public string? Township { get; init; }
    public required Road Road { get; init; }
    public required int Number { get; init; }
    /// <summary>Residential compound or office building, if any.</summary>
    public Place? Building { get; init; }
    /// <summary>"3栋1202室", "A座2301", "15层"; null for a house at the road number.</summary>
    public string? UnitChinese { get; init; }
    /// <summary>"Bldg 3, Rm 1202", "Apt 2301", "15F".</summary>
    public string? UnitEnglish { get; init; }
}

/// <summary>A real customer: one entity of the truth.</summary>
internal abstract class Entity
{
    public required string Id { get; init; }
    public required PostalAddress Address { get; init; }
    /// <summary>Where the customer lived before moving; some older records still carry it.</summary>
    public PostalAddress? OldAddress { get; init; }
    public string? Mobile { get; init; }
    public string? Landline { get; init; }
    public string? Email { get; init; }
}

internal sealed class Person : Entity
{
    public required bool IsEnglish { get; init; }
    public required bool Male { get; init; }
    public required DateOnly Birth { get; init; }
    /// <summary>18-digit resident ID card for Chinese persons; a 7-digit social security number for English ones.</summary>
    public required string NationalId { get; init; }
    /// <summary>Chinese surname (simplified), or English surname.</summary>
    public required string Surname { get; init; }
    /// <summary>Chinese given name (simplified), or English given name.</summary>
    public required string Given { get; init; }
    /// <summary>Pinyin of the surname ("Zhang", "Ouyang", "Lü"); null for English persons.</summary>
    public string? SurnamePinyin { get; init; }
    /// <summary>Pinyin of each given-name character ("xiu", "ying"); null for English persons.</summary>
    public string[]? GivenPinyin { get; init; }
    /// <summary>A second mobile (old number) some systems still hold.</summary>
    public string? Mobile2 { get; init; }

    public string ChineseName => Surname + Given;
}

internal sealed class Organization : Entity
{
    public required string Brand { get; init; }
    public required string BrandPinyin { get; init; }
    public required Industry Industry { get; init; }
    public required string LegalForm { get; init; }
    public required string LegalFormEnglish { get; init; }
    /// <summary>City (or county-level city) prefix of the registered name: 深圳, 北京, 昆山.</summary>
    public required string CityPrefix { get; init; }
    public required string CityPrefixEnglish { get; init; }
    public required bool PrefixIsMunicipality { get; init; }
    /// <summary>"南山分公司" when this entity is a branch of another company (a different entity), else null.</summary>
    public string? BranchSuffix { get; init; }
    public required string CreditCode { get; init; }

    /// <summary>深圳市腾达科技有限公司 (municipalities: 北京腾达科技有限公司), plus a branch suffix.</summary>
    public string CanonicalName =>
        CityPrefix + (PrefixIsMunicipality ? "" : "市") + Brand + Industry.Chinese + LegalForm + BranchSuffix;
}
