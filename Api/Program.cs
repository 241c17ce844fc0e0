using Mdm.Api.Cli;
using Spectre.Console;

// One executable: the command line now, the HTTP host later (same Engine, same store).
System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
// Redirected output (CI logs, files) has no terminal width: don't wrap the summary tables at 80 columns.
if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = 160;
return MdmCommandLine.Build().Parse(args).Invoke();
