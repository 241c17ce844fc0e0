namespace Mdm.Tests.Standardization.Addresses.Properties;

/// <summary>How a generated address writes one division level.</summary>
public enum NameForm
{
    Omitted,
    Full,
    /// <summary>Without its generic suffix: 广东 for 广东省, 云浮 for 云浮市, 云城 for 云城区.</summary>
    Short,
}
