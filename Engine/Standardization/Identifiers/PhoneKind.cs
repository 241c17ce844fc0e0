namespace Mdm.Engine.Standardization.Identifiers;

/// <summary>What kind of number a phone value turned out to be, as seen from the source's country.</summary>
public enum PhoneKind : byte
{
    /// <summary>Not known, or a kind matching does not care about (VoIP, pager, personal number).</summary>
    Unknown,
    /// <summary>A mobile number of the source's country.</summary>
    Mobile,
    /// <summary>A fixed line of the source's country; also reported for a fixed line without its area code.</summary>
    Landline,
    /// <summary>A number of another country (another country calling code than the source's).</summary>
    International,
    /// <summary>Toll-free, shared-cost, premium or company-wide number (China's 400/800): shared by many customers, weak evidence.</summary>
    ServiceNumber,
    /// <summary>The numbering plan does not tell fixed lines from mobiles (the United States, Canada).</summary>
    FixedLineOrMobile,
}
