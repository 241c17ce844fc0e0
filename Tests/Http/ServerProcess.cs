using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Mdm.Tests.Http;

/// <summary>
/// A real <c>mdm serve</c> process on a free loopback port over a store, with one API key per role; the tests talk to it
/// over HTTP like any client. Stopped with SIGTERM (a graceful shutdown: the audit trail is flushed) on dispose.
/// </summary>
internal sealed class ServerProcess : IDisposable
{
    public static readonly IReadOnlyDictionary<string, string> Keys = new Dictionary<string, string>
    {
        ["system"] = "test-system-key-0123456789",
        ["agent"] = "test-agent-key-0123456789",
        ["steward"] = "test-steward-key-0123456789",
        ["admin"] = "test-admin-key-0123456789",
    };

    private readonly Process _process;
    private readonly List<string> _output = [];

    public Uri BaseAddress { get; }

    public string Output { get { lock (_output) return string.Join('\n', _output); } }

    private ServerProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    /// <summary>Writes the settings file with the test keys into <paramref name="directory"/> and starts the server.</summary>
    public static ServerProcess Start(string sourcesPath, string storePath, string directory, params string[] extra)
    {
        var settings = Path.Combine(directory, "test-settings.json");
        File.WriteAllText(settings, JsonSerializer.Serialize(new
        {
            Mdm = new { ApiKeys = Keys.ToDictionary(k => "test-" + k.Key, k => new { Key = k.Value, Role = k.Key }) },
        }));
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var a in (string[])[Path.Combine(TestContext.CurrentContext.TestDirectory, "mdm.dll"), "serve", "--config", sourcesPath, "--store", storePath,
                     "--urls", "http://127.0.0.1:0", "--settings", settings, .. extra])
            info.ArgumentList.Add(a);
        var process = Process.Start(info)!;
        var bound = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var lines = new List<string>();
        void Line(string? line)
        {
            if (line is null) return;
            lock (lines) lines.Add(line);
            const string marker = "mdm: serving ";
            if (line.StartsWith(marker, StringComparison.Ordinal) && line.IndexOf(" on http://", StringComparison.Ordinal) is var at and > 0)
                bound.TrySetResult(new Uri(line[(at + 4)..].Split(' ')[0]));
        }
        process.OutputDataReceived += (_, e) => Line(e.Data);
        process.ErrorDataReceived += (_, e) => Line(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var exited = process.WaitForExitAsync();
        var first = Task.WhenAny(bound.Task, exited, Task.Delay(TimeSpan.FromSeconds(90))).GetAwaiter().GetResult();
        if (first != bound.Task)
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            string all; lock (lines) all = string.Join('\n', lines);
            throw new InvalidOperationException($"mdm serve did not start:\n{all}");
        }
        var server = new ServerProcess(process, bound.Task.Result);
        lock (lines) server._output.AddRange(lines);
        process.OutputDataReceived += (_, e) => { if (e.Data is { } d) lock (server._output) server._output.Add(d); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { } d) lock (server._output) server._output.Add(d); };
        return server;
    }

    /// <summary>A client whose requests carry the key of <paramref name="role"/> (null: no key at all).</summary>
    public HttpClient Client(string? role, string? key = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if ((key ?? (role is null ? null : Keys[role])) is { } k) client.DefaultRequestHeaders.Add("X-Api-Key", k);
        return client;
    }

    /// <summary>Stops the server gracefully and waits for it to end (its exit code).</summary>
    public int Stop()
    {
        if (_process.HasExited) return _process.ExitCode;
        using (var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", _process.Id.ToString()]) { UseShellExecute = false })!) kill.WaitForExit();
        if (!_process.WaitForExit(TimeSpan.FromSeconds(30))) _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
        return _process.ExitCode;
    }

    public void Dispose()
    {
        Stop();
        _process.Dispose();
    }
}
