namespace Mdm.Benchmarks.Generator;

/// <summary>Small helpers over <see cref="Random"/>; all draws go through the one seeded instance so output is reproducible.</summary>
internal static class RandomExtensions
{
    public static bool Chance(this Random random, double probability) => random.NextDouble() < probability;

    public static T Pick<T>(this Random random, T[] items) => items[random.Next(items.Length)];

    public static char Pick(this Random random, string chars) => chars[random.Next(chars.Length)];

    /// <summary>Standard normal deviate (Box-Muller; one value per call keeps the draw sequence simple).</summary>
    public static double NextNormal(this Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>Index drawn from cumulative weights (last element = total).</summary>
    public static int PickWeighted(this Random random, int[] cumulative)
    {
        var r = random.Next(cumulative[^1]) + 1;
        var i = Array.BinarySearch(cumulative, r);
        return i >= 0 ? i : ~i;
    }

    public static int[] Cumulative<T>(T[] items, Func<T, int> weight)
    {
        var c = new int[items.Length];
        var sum = 0;
        for (var i = 0; i < items.Length; i++) c[i] = sum += weight(items[i]);
        return c;
    }
}
