// `node --env-file=.env server.js`: the image has no .env (the generated .dockerignore leaves `.env` and `.env.*` out,
// and a repository ignores them), and Node exits when the file is missing (https://nodejs.org/api/cli.html#--env-filefile,
// https://github.com/nodejs/node/pull/50588). In a container the service sets the environment instead.

const FLAG = /^--env-file(?:=(.+))?$/;

/** `start` without `--env-file` flags naming `.env` files, and the files dropped. `--env-file-if-exists` stays. */
export const dropEnvFile = (start: readonly string[]): { start: string[]; dropped: string[] } => {
  const out: string[] = [];
  const dropped: string[] = [];
  for (let i = 0; i < start.length; i++) {
    const m = FLAG.exec(start[i]!);
    const file = m ? (m[1] ?? start[i + 1]) : undefined;
    if (m && file && /(^|\/)\.env(\.[\w.-]+)?$/.test(file)) {
      dropped.push(file);
      if (m[1] === undefined) i++;
      continue;
    }
    out.push(start[i]!);
  }
  return { start: out, dropped };
};
