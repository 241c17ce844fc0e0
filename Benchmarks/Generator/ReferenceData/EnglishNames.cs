using System.Collections.Frozen;

namespace Mdm.Benchmarks.Generator.ReferenceData;

/// <summary>Names for English-speaking customers (expatriates) and the nicknames clerks write instead.</summary>
internal static class EnglishNames
{
    public static readonly string[] MaleGiven =
    [
        "James", "John", "Robert", "Michael", "William", "David", "Richard", "Joseph", "Thomas", "Charles",
        "Christopher", "Daniel", "Matthew", "Anthony", "Mark", "Steven", "Paul", "Andrew", "Joshua", "Kevin",
        "Brian", "George", "Edward", "Peter", "Samuel", "Benjamin", "Alexander", "Patrick", "Oliver", "Henry",
    ];

    public static readonly string[] FemaleGiven =
    [
        "Mary", "Patricia", "Jennifer", "Linda", "Elizabeth", "Barbara", "Susan", "Jessica", "Sarah", "Karen",
        "Nancy", "Lisa", "Margaret", "Sandra", "Emily", "Michelle", "Laura", "Rebecca", "Katherine", "Emma",
        "Olivia", "Sophie", "Charlotte", "Hannah", "Rachel", "Anna", "Claire", "Julia",
    ];

    public static readonly string[] Surnames =
    [
        "Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Anderson", "Taylor",
        "Thomas", "Moore", "Martin", "Jackson", "Thompson", "White", "Harris", "Clark", "Lewis", "Robinson",
        "Walker", "Young", "Allen", "King", "Wright", "Scott", "Hill", "Green", "Adams", "Baker", "Nelson",
        "Campbell", "Mitchell", "Roberts", "Carter", "Phillips", "Evans", "Turner", "Parker", "Collins", "Edwards",
        "Stewart", "Morris", "Murphy", "Cook", "Rogers", "Morgan", "Cooper", "Peterson", "Reed", "Bailey", "Kelly",
        "Howard", "Ward", "Cox", "Richardson", "Wood", "Watson", "Brooks", "Bennett", "Gray", "Hughes", "O'Brien",
        "MacDonald", "Schmidt", "Fischer", "Dubois", "Rossi", "Kowalski", "Novak", "Jensen", "Larsen",
    ];

    public static readonly FrozenDictionary<string, string[]> Nicknames = new Dictionary<string, string[]>
    {
        ["William"] = ["Bill", "Will"], ["Robert"] = ["Bob", "Rob"], ["James"] = ["Jim", "Jimmy"],
        ["John"] = ["Jack", "Johnny"], ["Michael"] = ["Mike"], ["Richard"] = ["Rick", "Dick"],
        ["Thomas"] = ["Tom"], ["Charles"] = ["Charlie"], ["Christopher"] = ["Chris"], ["Daniel"] = ["Dan", "Danny"],
        ["Matthew"] = ["Matt"], ["Anthony"] = ["Tony"], ["Steven"] = ["Steve"], ["Andrew"] = ["Andy"],
        ["Joshua"] = ["Josh"], ["Edward"] = ["Ed", "Ted"], ["Peter"] = ["Pete"], ["Samuel"] = ["Sam"],
        ["Benjamin"] = ["Ben"], ["Alexander"] = ["Alex"], ["Patrick"] = ["Pat"], ["Joseph"] = ["Joe"],
        ["Elizabeth"] = ["Liz", "Beth"], ["Margaret"] = ["Maggie", "Peggy"], ["Jennifer"] = ["Jen"],
        ["Katherine"] = ["Kate", "Kathy"], ["Patricia"] = ["Pat", "Trish"], ["Susan"] = ["Sue"],
        ["Jessica"] = ["Jess"], ["Rebecca"] = ["Becky"], ["Barbara"] = ["Barb"], ["Sandra"] = ["Sandy"],
        ["Olivia"] = ["Liv"], ["Charlotte"] = ["Lottie"], ["Michelle"] = ["Shelly"],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static readonly string[] EmailDomains = ["gmail.com", "outlook.com", "yahoo.com", "hotmail.com", "icloud.com"];

    /// <summary>Keys near each other on a QWERTY keyboard, for FEBRL-style substitution typos.</summary>
    public static readonly FrozenDictionary<char, string> KeyboardNeighbours = new Dictionary<char, string>
    {
        ['a'] = "qwsz", ['b'] = "vghn", ['c'] = "xdfv", ['d'] = "serfcx", ['e'] = "wsdr", ['f'] = "drtgvc",
        ['g'] = "ftyhbv", ['h'] = "gyujnb", ['i'] = "ujko", ['j'] = "huikmn", ['k'] = "jiolm", ['l'] = "kop",
        ['m'] = "njk", ['n'] = "bhjm", ['o'] = "iklp", ['p'] = "ol", ['q'] = "wa", ['r'] = "edft", ['s'] = "awedxz",
        ['t'] = "rfgy", ['u'] = "yhji", ['v'] = "cfgb", ['w'] = "qase", ['x'] = "zsdc", ['y'] = "tghu", ['z'] = "asx",
    }.ToFrozenDictionary();
}
