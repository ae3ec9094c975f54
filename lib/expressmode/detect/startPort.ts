// The port a start command fixes on its own command line (`gunicorn --bind 0.0.0.0:5000`, `next start -p 3001`,
// `uvicorn --port 9000`): the server listens there whatever the code's default is.

/** Port from `--bind`/`-b` (`host:port`, `:port`), `--port`/`-p` (`N`, `=N`), `--server.port=N`; undefined if none. */
export const startPort = (argv: readonly string[]): number | undefined => {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const eq = /^(--bind|--port|--server\.port)=(.+)$/.exec(a);
    const [flag, value] = eq ? [eq[1]!, eq[2]!] : [a, argv[i + 1]];
    if (value === undefined) continue;
    const port = ["--bind", "-b"].includes(flag)
      ? /:(\d{2,5})$/.exec(value)?.[1]
      : ["--port", "-p", "--server.port"].includes(flag)
        ? /^(\d{2,5})$/.exec(value)?.[1]
        : undefined;
    const n = Number(port);
    if (port && n >= 1 && n <= 65535) return n;
  }
  return undefined;
};
