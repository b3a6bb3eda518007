// refheap — the command line of Refheap. Main is build → parse → invoke; the command tree is
// in RefheapCommand.cs, each subcommand in its own folder (Stats/), output in Rendering/.
using Refheap.Cli;

var console = CliConsole.FromSystemConsole();
var root = RefheapCommand.Build(console);
var parsed = root.Parse(args);
return RefheapCommand.Invoke(parsed, console);
