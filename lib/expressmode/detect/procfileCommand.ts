// Reads the `web:` process of a Procfile (Heroku/Dokku/Render convention) as an exec-form start command.

/** `{PORT}` in a start command is replaced by the container port when the Dockerfile is generated. */
const PORT = "{PORT}";

/**
 * The web process as argv, `$PORT`/`${PORT}` replaced by the port placeholder; a command using the shell (`&&`,
 * pipes, other variables) runs under `sh -c`. Undefined when there is no Procfile or no web process.
 */
export const procfileCommand = (procfile: string | undefined): { argv: string[]; line: string } | undefined => {
  const line = procfile
    ?.split("\n")
    .map((l) => l.trim())
    .find((l) => /^web\s*:/.test(l));
  if (!line) return undefined;
  const raw = line.replace(/^web\s*:\s*/, "").replace(/\$\{PORT(?::-\d+)?\}|\$PORT\b/g, PORT);
  if (/[&|;<>`]|\$\w|\$\{/.test(raw)) return { argv: ["sh", "-c", raw.replaceAll(PORT, "$PORT")], line };
  // Outside quotes a backslash escapes the next character, as the shell reads it: `create_app\(\)` is `create_app()`.
  const argv = [...raw.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map(
    (m) => m[1] ?? m[2] ?? m[3]!.replace(/\\(.)/g, "$1"),
  );
  return argv.length ? { argv, line } : undefined;
};
