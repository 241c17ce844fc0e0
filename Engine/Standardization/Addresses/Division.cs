namespace Mdm.Engine.Standardization.Addresses;

/// <summary>
/// One administrative division of mainland China with its NBS statistical code (统计用区划代码).
/// </summary>
/// <param name="Level">1 province (2-digit code), 2 prefecture/city (4), 3 county/district (6 digits = GB/T 2260),
/// 4 township/street (9 digits = county code + 3 per GB/T 10114).</param>
/// <param name="Code">The NBS code: 2, 4, 6 or 9 digits.</param>
/// <param name="Name">The full official name, e.g. 广东省, 深圳市, 南山区, 粤海街道.</param>
/// <param name="ParentCode">The parent division's code; null for provinces.</param>
public sealed record Division(byte Level, string Code, string Name, string? ParentCode);
