using System.Diagnostics;
using Mdm.Engine.Pipeline;
using Spectre.Console;

namespace Mdm.Api.Cli;

/// <summary>
/// Progress of a long load: live bars on a terminal, a line per stage every few seconds when output is redirected (CI, logs).
/// </summary>
internal static class ConsoleProgress
{
    public static T Run<T>(Func<IProgress<ProgressUpdate>, T> work)
    {
        if (Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive)
            return work(new LineProgress());
        T result = default!;
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(ctx =>
            {
                var tasks = new Dictionary<string, ProgressTask>();
                var gate = new object();
                result = work(new Progress(u =>
                {
                    lock (gate)
                    {
                        if (!tasks.TryGetValue(u.Stage, out var task))
                            tasks[u.Stage] = task = ctx.AddTask(u.Stage, maxValue: Math.Max(1, u.Total));
                        if (u.Total > 0) task.MaxValue = u.Total; else task.IsIndeterminate = true;
                        task.Value = u.Done;
                        if (u.Total > 0 && u.Done >= u.Total) task.StopTask();
                    }
                }));
                foreach (var t in tasks.Values) t.StopTask();
            });
        return result;
    }

    private sealed class Progress(Action<ProgressUpdate> report) : IProgress<ProgressUpdate>
    {
        public void Report(ProgressUpdate value) => report(value);
    }

    private sealed class LineProgress : IProgress<ProgressUpdate>
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly object _gate = new();
        private string? _stage;
        private TimeSpan _last;

        public void Report(ProgressUpdate u)
        {
            lock (_gate)
            {
                var now = _clock.Elapsed;
                var finished = u.Total > 0 && u.Done >= u.Total;
                if (u.Stage == _stage && !finished && now - _last < TimeSpan.FromSeconds(5)) return;
                _stage = u.Stage;
                _last = now;
                Console.Error.WriteLine(u.Total > 0
                    ? $"[{now:mm\\:ss}] {u.Stage}: {u.Done:N0}/{u.Total:N0}"
                    : $"[{now:mm\\:ss}] {u.Stage}: {u.Done:N0}");
            }
        }
    }
}
