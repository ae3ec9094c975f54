// Where the CLI writes and reads: injectable so tests run commands in-process and capture both streams.
import { createInterface } from "node:readline/promises";

/** Output streams and terminal facts of one CLI run. */
export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** stderr is a terminal: show progress and colours there. */
  readonly errIsTty: boolean;
  /** Asks a yes/no question on the terminal; undefined when stdin is not a terminal (nobody can answer). */
  readonly ask?: (question: string) => Promise<boolean>;
  /** Reads all of stdin (for `--args-file -`). */
  readonly readStdin: () => Promise<string>;
}

const readAll = async (): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString("utf8");
};

const askTty = async (question: string): Promise<boolean> => {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^y(es)?$/i.test((await rl.question(`${question} [y/N] `)).trim());
  } finally {
    rl.close();
  }
};

/** The real process streams. */
export const processIo = (): CliIo => ({
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  errIsTty: process.stderr.isTTY === true,
  ask: process.stdin.isTTY ? askTty : undefined,
  readStdin: readAll,
});
