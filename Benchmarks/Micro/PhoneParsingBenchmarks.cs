using BenchmarkDotNet.Attributes;
using Mdm.Engine.Standardization.Identifiers;
using PhoneNumberUtil = PhoneNumbers.PhoneNumberUtil;
using PhoneNumberFormat = PhoneNumbers.PhoneNumberFormat;
using NumberParseException = PhoneNumbers.NumberParseException;

namespace Mdm.Benchmarks.Micro;

/// <summary>
/// Parse per number: the project's <see cref="PhoneNumber"/> against libphonenumber alone (parse, validate, E.164), on
/// the phone forms the sample records and the generator write. Run at two commits to compare two versions of <see cref="PhoneNumber"/>.
/// </summary>
[MemoryDiagnoser]
public class PhoneParsingBenchmarks
{
    private static readonly string[] Inputs =
    [
        "13812345678", "+86 138 1234 5678", "86-139-8765-4321", "138-1234-5678", "+8613812345678", "0755-87654321",
        "(0755)87654321", "075587654321", "+86 755 8765 4321", "010-12345678转123", "400-820-8820", "+852 9123 4567",
        "87654321", "1381234567",
    ];

    // The same numbers as the project's scan leaves them: digits and a leading '+', extension dropped.
    private static readonly string[] Compact =
    [
        "13812345678", "+8613812345678", "8613987654321", "13812345678", "+8613812345678", "075587654321",
        "075587654321", "075587654321", "+8675587654321", "01012345678", "4008208820", "+85291234567",
        "87654321", "1381234567",
    ];

    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    [GlobalSetup]
    public void Setup()
    {
        // Load the metadata outside the measurement.
        foreach (var s in Inputs)
        {
            PhoneNumber.Parse(s);
            Library(s);
        }
    }

    [Benchmark(OperationsPerInvoke = 14)]
    public int ProjectParse()
    {
        var n = 0;
        foreach (var s in Inputs) n += PhoneNumber.Parse(s).IsValid ? 1 : 0;
        return n;
    }

    [Benchmark(OperationsPerInvoke = 14)]
    public int LibraryParse()
    {
        var n = 0;
        foreach (var s in Inputs) n += Library(s) is null ? 0 : 1;
        return n;
    }

    /// <summary>libphonenumber's Parse alone on the raw text: its extension and punctuation patterns run on every value.</summary>
    [Benchmark(OperationsPerInvoke = 14)]
    public int LibraryParseOnlyRawText()
    {
        var n = 0;
        foreach (var s in Inputs) n += ParseOnly(s);
        return n;
    }

    /// <summary>libphonenumber's Parse alone on the compact digits the project's scan produces.</summary>
    [Benchmark(OperationsPerInvoke = 14)]
    public int LibraryParseOnlyCompactDigits()
    {
        var n = 0;
        foreach (var s in Compact) n += ParseOnly(s);
        return n;
    }

    private static int ParseOnly(string s)
    {
        try
        {
            return Util.Parse(s, "CN").CountryCode;
        }
        catch (NumberParseException)
        {
            return 0; // "010-12345678转123": the library finds no number in it
        }
    }

    private static string? Library(string s)
    {
        try
        {
            var number = Util.Parse(s, "CN");
            return Util.IsValidNumber(number) ? Util.Format(number, PhoneNumberFormat.E164) : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }
}
