// The CLI subcommand names; tiny on purpose, so the server's start-up path can test argv[0] without loading the CLI.

/** Subcommands that run the human/script CLI instead of the MCP server. */
export const CLI_COMMANDS = ["tools", "call", "doctor"] as const;
export type CliCommand = (typeof CLI_COMMANDS)[number];

/** True when `arg` (argv[0]) names a CLI subcommand. */
export const isCliCommand = (arg: string | undefined): arg is CliCommand =>
  arg !== undefined && (CLI_COMMANDS as readonly string[]).includes(arg);
