namespace Mdm.Engine.Standardization.Companies;

/// <summary>
/// A company name split for matching.
/// </summary>
/// <param name="Normalized">The whole name normalized: half-width, lower-case Latin; for Han names without spaces,
/// punctuation and brackets; for Latin names single-spaced tokens with the legal form in canonical spelling.</param>
/// <param name="Core">The distinguishing part: without legal form, region prefix, bracketed region and branch suffix
/// (深圳市腾达科技有限公司 / 腾达科技（深圳）有限公司 / 深圳腾达科技 → 腾达科技). 集团 stays in the core
/// (腾达集团有限公司 → 腾达集团, legal form 有限公司). A region is kept when the rest would be only generic words
/// (上海银行, 江西铜业).</param>
/// <param name="LegalForm">Canonical legal form: 有限公司, 有限责任公司, 股份有限公司, 公司, 有限合伙, 普通合伙, 合伙企业,
/// 个人独资企业, 厂 …, or ltd, llc, inc, co, plc, gmbh, corp …; for a branch without a head legal form the branch kind
/// (分公司, 分行, 支行 …). Null when none.</param>
/// <param name="RegionCode">NBS code of the region named in the prefix or in brackets (4403 for 深圳), else of the
/// branch's region (…有限公司深圳分公司 → 4403); null if none.</param>
/// <param name="IsBranch">True for branches: 分公司, 分行, 支行, 营业部, 分店, 办事处 …, "… Branch".</param>
public sealed record CompanyName(
    string Normalized,
    string Core,
    string? LegalForm,
    string? RegionCode,
    bool IsBranch);
