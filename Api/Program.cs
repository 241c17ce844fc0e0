using System.CommandLine;
using Mdm.Api.Cli;

// One executable: the command line now, the HTTP host later (same Engine, same store).
System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
return MdmCommandLine.Build().Parse(args).Invoke();
