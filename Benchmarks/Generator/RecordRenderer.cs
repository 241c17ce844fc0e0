using System.Globalization;
using System.Text;
using Mdm.Benchmarks.Generator.ReferenceData;

namespace Mdm.Benchmarks.Generator;

/// <summary>
/// Turns each entity into the records the source systems hold about it: decides which systems know the customer
/// (and whether one of them has it twice), renders every record with that system's conventions and its own dirt,
/// and writes the truth row for each record and the counter transactions.
/// </summary>
internal sealed class RecordRenderer
{
    /// <summary>Share of person records with only a name and an address: these cannot all be linked.</summary>
    private const double HardRecordRate = 0.03;

    private static readonly DateTime TransactionEpoch = new(2020, 1, 1);
    private const int TransactionDays = 2192; // 2020-01-01 .. 2025-12-31

    private readonly Random _random;

    /// <summary>Multiplies every typo and hard-record rate (1: the default mix); the random draws stay the same in number.</summary>
    private readonly double _dirt;

    private bool Dirty(double rate) => _random.Chance(Math.Min(1, rate * _dirt));
    private readonly SystemSink _counter;
    private readonly SystemSink _hkDesk;
    private readonly SystemSink _crm;
    private readonly SystemSink _people;
    private readonly TextWriter _truth;
    private readonly TextWriter _transactions;
    private readonly StringBuilder _sb = new(256);
    private readonly StringBuilder _json = new(512);

    public RecordRenderer(Random random, SystemSink counter, SystemSink hkDesk, SystemSink crm, SystemSink people,
        TextWriter truth, TextWriter transactions, double dirt = 1.0, ExtraPayments? extra = null)
    {
        _extra = extra;
        _random = random;
        _dirt = dirt;
        _counter = counter;
        _hkDesk = hkDesk;
        _crm = crm;
        _people = people;
        _truth = truth;
        _transactions = transactions;
    }

    public long Transactions { get; private set; }

    /// <summary>More payments per record than the counter's own (postal scale), from a stream of their own.</summary>
    private readonly ExtraPayments? _extra;

    /// <summary>Payments written to the extra files (crm's and the counter's additional ones).</summary>
    public long ExtraTransactions => _extra?.Written ?? 0;

    public void Emit(Entity entity)
    {
        switch (entity)
        {
            case Organization company:
                EmitCompany(company);
                break;
            case Person { IsEnglish: true } english:
                EmitEnglishPerson(english);
                break;
            case Person chinese:
                EmitChinesePerson(chinese);
                break;
        }
    }

    private void EmitChinesePerson(Person p)
    {
        var inCounter = _random.Chance(0.8);
        var inCrm = _random.Chance(0.7);
        var inHkDesk = _random.Chance(0.6);
        var inPeople = _random.Chance(0.03);
        if (!inCounter && !inCrm && !inHkDesk && !inPeople) inCounter = true;
        if (inCounter) for (var n = Copies(0.07); n > 0; n--) CounterPerson(p);
        if (inHkDesk) for (var n = Copies(0.07); n > 0; n--) HkDeskPerson(p);
        if (inCrm) for (var n = Copies(0.07); n > 0; n--) CrmPerson(p);
        if (inPeople) PeoplePerson(p);
    }

    private void EmitEnglishPerson(Person p)
    {
        var inPeople = _random.Chance(0.95);
        var inCrm = _random.Chance(0.65);
        var inCounter = _random.Chance(0.3);
        if (!inPeople && !inCrm && !inCounter) inPeople = true;
        if (inPeople) for (var n = Copies(0.12); n > 0; n--) PeoplePerson(p);
        if (inCrm) for (var n = Copies(0.05); n > 0; n--) CrmPerson(p);
        if (inCounter) for (var n = Copies(0.05); n > 0; n--) CounterPerson(p);
    }

    private void EmitCompany(Organization o)
    {
        var inCounter = _random.Chance(0.92);
        var inCrm = _random.Chance(0.6);
        if (!inCounter && !inCrm) inCounter = true;
        if (inCounter) for (var n = Copies(0.08); n > 0; n--) CounterCompany(o);
        if (inCrm) for (var n = Copies(0.05); n > 0; n--) CrmCompany(o);
    }

    private int Copies(double duplicateRate) => _random.Chance(duplicateRate) ? 2 : 1;

    // ---- counter (GB18030 CSV, Chinese headers) -----------------------------------------------------------

    private void CounterPerson(Person p)
    {
        var hard = Dirty(HardRecordRate);
        var (address, updated) = AddressAndTime(p);
        string name;
        if (p.IsEnglish)
        {
            name = _random.Next(100) switch
            {
                < 40 => (p.Given + " " + p.Surname).ToUpperInvariant(),
                < 60 => (p.Surname + " " + p.Given).ToUpperInvariant(),
                _ => p.Given + " " + p.Surname,
            };
        }
        else name = ChineseName(p, typoRate: _dirt * 0.04, spaceRate: 0.01);
        var id = hard || _random.Chance(0.12) ? null : MaybeLowercaseX(p.NationalId);
        var phone = hard ? null : CounterPhone(p);
        var addressText = !hard && _random.Chance(0.05) ? null : ChineseAddress(address, CounterStyle());
        var key = _counter.Keys.Next();
        _counter.Add(_random, key, ["个人", name, id, phone, addressText, TextForms.Format(updated, "yyyy-MM-dd HH:mm:ss")]);
        Truth(_counter, key, p);
        WriteTransactions(key, company: false);
        _extra?.Write(key, ExtraPayments.System.Counter);
    }

    private void CounterCompany(Organization o)
    {
        var (address, updated) = AddressAndTime(o);
        var name = CompanyName(o, _random.Next(100) switch { < 60 => 0, < 75 => 1, < 90 => 2, _ => 5 });
        var id = _random.Chance(0.15) ? null : o.CreditCode;
        string? phone = _random.Next(100) switch
        {
            < 75 => TextForms.FormatLandline(o.Landline!, LandlineFormat()),
            < 90 => o.Mobile is null ? o.Landline : TextForms.FormatMobile(o.Mobile, 0),
            _ => null,
        };
        var addressText = _random.Chance(0.04) ? null : ChineseAddress(address, CounterStyle());
        var key = _counter.Keys.Next();
        _counter.Add(_random, key, ["单位", name, id, phone, addressText, TextForms.Format(updated, "yyyy-MM-dd HH:mm:ss")]);
        Truth(_counter, key, o);
        WriteTransactions(key, company: true);
        _extra?.Write(key, ExtraPayments.System.Counter);
    }

    private string? CounterPhone(Person p)
    {
        if (_random.Chance(0.07)) return null;
        var mobile = p.Mobile2 is not null && _random.Chance(0.25) ? p.Mobile2 : p.Mobile;
        if (mobile is null) return p.Landline is null ? null : TextForms.FormatLandline(p.Landline, LandlineFormat());
        if (p.Landline is not null)
        {
            if (_random.Chance(0.15)) return mobile + (_random.Chance(0.5) ? "/" : ";") + p.Landline;
            if (_random.Chance(0.1)) return TextForms.FormatLandline(p.Landline, LandlineFormat());
        }
        return TextForms.FormatMobile(mobile, _random.Next(100) switch { < 85 => 0, < 90 => 1, < 95 => 2, _ => 3 });
    }

    private ChineseAddressStyle CounterStyle() => _random.Next(100) switch
    {
        < 30 => ChineseAddressStyle.Full,
        < 60 => ChineseAddressStyle.NoProvince,
        < 75 => ChineseAddressStyle.NoTownship,
        _ => ChineseAddressStyle.Abbreviated,
    };

    private int LandlineFormat() => _random.Next(100) switch { < 80 => 0, < 90 => 1, _ => 2 };

    /// <summary>Per counter customer 0-20 payments; totals are log-normal, from 1 yuan to 1,000,000 yuan.</summary>
    private void WriteTransactions(string key, bool company)
    {
        if (_random.Chance(0.2)) return;
        var count = 1 + Math.Min(19, (int)(-Math.Log(1.0 - _random.NextDouble()) * (company ? 6.0 : 3.5)));
        long cents;
        if (!company && _random.Chance(0.08))
        {
            count = 1;
            cents = 100;
        }
        else
        {
            var total = Math.Exp(Math.Log(company ? 3000.0 : 300.0) + 2.6 * _random.NextNormal());
            cents = (long)Math.Round(Math.Clamp(total, 1.0, 1_000_000.0) * 100.0);
        }
        if (cents < count) count = (int)cents;
        Span<double> weights = stackalloc double[count];
        Span<int> days = stackalloc int[count];
        var sum = 0.0;
        for (var i = 0; i < count; i++)
        {
            weights[i] = -Math.Log(1.0 - _random.NextDouble()) + 1e-9;
            sum += weights[i];
            days[i] = _random.Next(TransactionDays);
        }
        days.Sort();
        var spread = cents - count; // every payment is at least one cent
        var remaining = cents;
        for (var i = 0; i < count; i++)
        {
            var amount = i == count - 1 ? remaining : 1 + (long)(spread * weights[i] / sum);
            remaining -= amount;
            _sb.Clear();
            _sb.Append(key).Append(',')
               .Append((amount / 100).ToString(CultureInfo.InvariantCulture)).Append('.')
               .Append((amount % 100).ToString("D2", CultureInfo.InvariantCulture)).Append(',')
               .Append(TransactionEpoch.AddDays(days[i]).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            _transactions.WriteLine(_sb);
        }
        Transactions += count;
    }

    // ---- hk_desk (UTF-8 with BOM, Traditional script, split address) --------------------------------------

    private void HkDeskPerson(Person p)
    {
        var hard = Dirty(HardRecordRate);
        var (address, updated) = AddressAndTime(p);
        var c = address.County;
        var name = TraditionalChinese.Convert(ChineseName(p, typoRate: _dirt * 0.03, spaceRate: 0));
        string? id = null;
        if (!hard && !_random.Chance(0.2))
            id = p.Birth.Year <= 1985 && _random.Chance(0.25) ? ChineseIdentifiers.ToLegacyIdCard(p.NationalId) : MaybeLowercaseX(p.NationalId);
        string? mobile = null;
        if (!hard)
        {
            var number = p.Mobile2 is not null && _random.Chance(0.2) ? p.Mobile2 : p.Mobile;
            if (number is null) mobile = p.Landline is not null && _random.Chance(0.5) ? p.Landline : null;
            else
            {
                mobile = _random.Next(100) switch
                {
                    < 60 => number,
                    < 80 => TextForms.ToFullWidthDigits(number),
                    < 88 => "+86 " + number,
                    < 92 => TextForms.FormatMobile(number, 1),
                    _ => null,
                };
            }
        }
        var province = _random.Next(100) switch { < 55 => c.Province, < 80 => c.ProvinceShort, _ => null };
        var city = _random.Chance(0.75) ? c.City : c.CityShort;
        var district = c.IsCityWithoutDistricts ? address.Township : _random.Chance(0.85) ? c.Name : c.NameShort;
        _sb.Clear();
        TextForms.AppendChineseStreet(_sb, address, township: !c.IsCityWithoutDistricts && _random.Chance(0.5));
        var street = _sb.ToString();
        if (_random.Chance(0.2)) street = TextForms.ToFullWidthDigits(street);
        var key = _hkDesk.Keys.Next();
        _hkDesk.Add(_random, key,
        [
            name, id, mobile,
            province is null ? null : TraditionalChinese.Convert(province),
            TraditionalChinese.Convert(city),
            district is null ? null : TraditionalChinese.Convert(district),
            TraditionalChinese.Convert(street),
            TextForms.Format(updated, "yyyy/MM/dd HH:mm"),
        ]);
        Truth(_hkDesk, key, p);
    }

    // ---- crm (JSON lines) ---------------------------------------------------------------------------------

    private void CrmPerson(Person p)
    {
        var hard = Dirty(HardRecordRate);
        var (address, _) = AddressAndTime(p);
        _json.Clear();
        string name;
        if (p.IsEnglish) name = EnglishName(p);
        else if (_random.Chance(0.65)) name = TextForms.PinyinName(_random, p);
        else
        {
            name = ChineseName(p, typoRate: _dirt * 0.03, spaceRate: 0.01);
            if (_random.Chance(0.03)) name = TraditionalChinese.Convert(name);
        }
        JsonMember("name", name);
        if (hard) JsonMissing("phone");
        else CrmPhone(p.Mobile, p.Mobile2 ?? p.Landline);
        var email = hard || _random.Chance(0.15) ? null : p.Email;
        JsonMember("email", email is not null && _random.Chance(0.03) ? email.ToUpperInvariant() : email);
        string? addressText = null;
        if (hard || !_random.Chance(0.22))
        {
            _sb.Clear();
            if (p.IsEnglish && _random.Chance(0.7)) TextForms.AppendEnglishAddress(_sb, address, _random.Chance(0.5), _random.Chance(0.5));
            else TextForms.AppendChineseAddress(_sb, address, _random.Next(100) switch
            {
                < 25 => ChineseAddressStyle.Full,
                < 50 => ChineseAddressStyle.NoProvince,
                < 60 => ChineseAddressStyle.NoTownship,
                _ => ChineseAddressStyle.Abbreviated,
            });
            addressText = _sb.ToString();
        }
        JsonMember("address", addressText);
        JsonMember("id_no", !hard && _random.Chance(p.IsEnglish ? 0.4 : 0.5) ? p.NationalId : null);
        JsonMember("birth_date", !hard && _random.Chance(0.7) ? TextForms.Format(p.Birth, "yyyy-MM-dd") : null);
        var key = _crm.Keys.Next();
        _crm.Add(_random, key, [_json.ToString()]);
        Truth(_crm, key, p);
        _extra?.Write(key, ExtraPayments.System.Crm);
    }

    private void CrmCompany(Organization o)
    {
        var (address, _) = AddressAndTime(o);
        _json.Clear();
        JsonMember("name", CompanyName(o, _random.Next(100) switch { < 45 => 0, < 65 => 2, < 75 => 3, < 90 => 4, < 95 => 1, _ => 5 }));
        if (_random.Chance(0.1)) JsonMissing("phone");
        else CrmPhone(o.Mobile is not null && _random.Chance(0.3) ? o.Mobile : null, o.Landline);
        JsonMember("email", _random.Chance(0.2) ? null : o.Email);
        string? addressText = null;
        if (!_random.Chance(0.15))
        {
            _sb.Clear();
            TextForms.AppendChineseAddress(_sb, address, _random.Chance(0.5) ? ChineseAddressStyle.NoProvince : ChineseAddressStyle.Abbreviated);
            addressText = _sb.ToString();
        }
        JsonMember("address", addressText);
        JsonMember("id_no", _random.Chance(0.5) ? o.CreditCode : null);
        var key = _crm.Keys.Next();
        _crm.Add(_random, key, [_json.ToString()]);
        Truth(_crm, key, o);
        _extra?.Write(key, ExtraPayments.System.Crm);
    }

    /// <summary>One formatted number, or now and then both numbers as a JSON array.</summary>
    private void CrmPhone(string? mobile, string? other)
    {
        if (_random.Chance(0.15) || (mobile is null && other is null))
        {
            JsonMissing("phone");
            return;
        }
        string first = mobile is null ? TextForms.FormatLandline(other!, _random.Next(4)) : TextForms.FormatMobile(mobile, CrmMobileFormat());
        if (mobile is not null && other is not null && _random.Chance(0.12))
        {
            var second = other.Contains('-') ? TextForms.FormatLandline(other, _random.Next(4)) : TextForms.FormatMobile(other, CrmMobileFormat());
            Comma();
            _json.Append("\"phone\":[");
            JsonText.AppendString(_json, first);
            _json.Append(',');
            JsonText.AppendString(_json, second);
            _json.Append(']');
            return;
        }
        JsonMember("phone", first);
    }

    private int CrmMobileFormat() => _random.Next(100) switch { < 25 => 0, < 55 => 4, < 75 => 5, < 85 => 1, _ => 3 };

    private void Comma()
    {
        if (_json.Length > 0) _json.Append(',');
    }

    /// <summary>A member, or when the value is missing: mostly left out, sometimes null, rarely "".</summary>
    private void JsonMember(string name, string? value)
    {
        if (value is null)
        {
            JsonMissing(name);
            return;
        }
        Comma();
        _json.Append('"').Append(name).Append("\":");
        JsonText.AppendString(_json, value);
    }

    private void JsonMissing(string name)
    {
        var r = _random.Next(100);
        if (r < 75) return;
        Comma();
        _json.Append('"').Append(name).Append(r < 95 ? "\":null" : "\":\"\"");
    }

    // ---- A (FEBRL-style CSV) ------------------------------------------------------------------------------

    private void PeoplePerson(Person p)
    {
        var hard = Dirty(HardRecordRate);
        var (address, _) = AddressAndTime(p);
        string? given, surname;
        if (p.IsEnglish)
        {
            given = p.Given;
            if (EnglishNicknames(p.Given) is { } nicknames && _random.Chance(0.1)) given = _random.Pick(nicknames);
            given = given.ToLowerInvariant();
            surname = p.Surname.ToLowerInvariant();
            if (Dirty(0.08)) given = TextForms.EnglishTypo(_random, given);
            if (Dirty(0.08)) surname = TextForms.EnglishTypo(_random, surname);
        }
        else
        {
            (given, surname) = TextForms.PinyinParts(p);
            if (Dirty(0.03)) given = TextForms.EnglishTypo(_random, given);
        }
        if (_random.Chance(0.03)) given = null;
        else if (_random.Chance(0.02)) surname = null;
        var number = _random.Chance(0.05) ? null : address.Number.ToString(CultureInfo.InvariantCulture);
        string? road = _random.Chance(0.03) ? null : address.Road.English.ToLowerInvariant();
        if (road is not null && Dirty(0.04)) road = TextForms.EnglishTypo(_random, road);
        string? secondLine = null;
        if (address.Building is not null && _random.Chance(0.6)) secondLine = address.Building.English.ToLowerInvariant();
        else if (address.UnitEnglish is not null && _random.Chance(0.7)) secondLine = address.UnitEnglish.ToLowerInvariant();
        var c = address.County;
        var suburb = _random.Chance(0.1) ? null : c.CityEnglish.ToLowerInvariant();
        var postcode = _random.Chance(0.05) ? null : c.Postcode;
        if (postcode is not null && Dirty(0.03)) postcode = ReplaceDigit(postcode);
        var state = _random.Chance(0.15) ? null : c.ProvinceEnglish.ToLowerInvariant();
        string? birth = null;
        if (!hard && _random.Chance(0.92))
        {
            // A day/month swap is a classic keying error when the day is 12 or less.
            birth = p.Birth.Day <= 12 && p.Birth.Day != p.Birth.Month && Dirty(0.03)
                ? new DateOnly(p.Birth.Year, p.Birth.Day, p.Birth.Month).ToString("yyyyMMdd", CultureInfo.InvariantCulture)
                : TextForms.Format(p.Birth, "yyyyMMdd");
        }
        string? socialId = null;
        if (!hard && _random.Chance(p.IsEnglish ? 0.9 : 0.7))
            socialId = Dirty(0.02) ? ReplaceDigit(p.NationalId) : p.NationalId;
        var key = _people.Keys.Next();
        _people.Add(_random, key, [given, surname, number, road, secondLine, suburb, postcode, state, birth, socialId]);
        Truth(_people, key, p);
    }

    private static string[]? EnglishNicknames(string given) =>
        EnglishNames.Nicknames.TryGetValue(given, out var n) ? n : null;

    private string ReplaceDigit(string s)
    {
        var chars = s.ToCharArray();
        var i = _random.Next(chars.Length);
        if (char.IsAsciiDigit(chars[i])) chars[i] = (char)('0' + (chars[i] - '0' + 1 + _random.Next(9)) % 10);
        return new string(chars);
    }

    // ---- shared -------------------------------------------------------------------------------------------

    private string ChineseName(Person p, double typoRate, double spaceRate)
    {
        if (p.IsEnglish) return p.Given + " " + p.Surname;
        if (_random.Chance(typoRate)) return TextForms.ChineseTypo(_random, p.Surname, p.Given);
        if (_random.Chance(spaceRate)) return p.Surname + " " + p.Given;
        return p.ChineseName;
    }

    private string EnglishName(Person p)
    {
        var given = p.Given;
        if (EnglishNicknames(given) is { } nicknames && _random.Chance(0.1)) given = _random.Pick(nicknames);
        var name = _random.Next(100) switch
        {
            < 55 => given + " " + p.Surname,
            < 70 => p.Surname.ToUpperInvariant() + ", " + given,
            < 80 => p.Surname + " " + given,
            _ => (given + " " + p.Surname).ToUpperInvariant(),
        };
        return Dirty(0.05) ? TextForms.EnglishTypo(_random, name) : name;
    }

    /// <summary>
    /// 0 registered name, 1 with the city in brackets, 2 city + brand + trade, 3 brand + trade,
    /// 4 English, 5 registered name with a homophone typo in the brand.
    /// </summary>
    private string CompanyName(Organization o, int variant)
    {
        switch (variant)
        {
            case 1:
                var fullWidth = _random.Chance(0.7);
                return o.Brand + o.Industry.Chinese + (fullWidth ? "（" : "(") + o.CityPrefix + (fullWidth ? "）" : ")") + o.LegalForm + o.BranchSuffix;
            case 2:
                return o.CityPrefix + o.Brand + o.Industry.Chinese + o.BranchSuffix;
            case 3:
                return o.Brand + o.Industry.Chinese + o.BranchSuffix;
            case 4:
                var english = o.CityPrefixEnglish + " " + TextForms.Capitalize(o.BrandPinyin) + " " + o.Industry.English + " " + o.LegalFormEnglish;
                return o.BranchSuffix is null ? english : english + " (" + o.Address.County.English + " Branch)";
            case 5:
                var name = o.CanonicalName;
                var at = name.IndexOf(o.Brand, StringComparison.Ordinal);
                for (var i = at; i < at + o.Brand.Length; i++)
                {
                    if (CompanyNames.BrandHomophones.TryGetValue(name[i], out var wrong))
                        return string.Concat(name.AsSpan(0, i), wrong.ToString(), name.AsSpan(i + 1));
                }
                return name;
            default:
                return o.CanonicalName;
        }
    }

    private string ChineseAddress(PostalAddress address, ChineseAddressStyle style)
    {
        _sb.Clear();
        TextForms.AppendChineseAddress(_sb, address, style);
        return _sb.ToString();
    }

    private string MaybeLowercaseX(string id) =>
        id[^1] == 'X' && _random.Chance(0.1) ? string.Concat(id.AsSpan(0, id.Length - 1), "x") : id;

    /// <summary>Most records carry the current address; some older ones still the address before a move.</summary>
    private (PostalAddress Address, DateTime Updated) AddressAndTime(Entity e)
    {
        if (e.OldAddress is not null && _random.Chance(0.3)) return (e.OldAddress, RandomTime(2012, 2018));
        return (e.Address, RandomTime(2016, 2025));
    }

    private DateTime RandomTime(int fromYear, int toYear)
    {
        var start = new DateTime(fromYear, 1, 1);
        var seconds = (long)(new DateTime(toYear + 1, 1, 1) - start).TotalSeconds;
        return start.AddSeconds(_random.NextInt64(seconds));
    }

    private void Truth(SystemSink sink, string key, Entity entity)
    {
        _truth.Write(sink.System);
        _truth.Write(',');
        _truth.Write(key);
        _truth.Write(',');
        _truth.WriteLine(entity.Id);
    }
}
