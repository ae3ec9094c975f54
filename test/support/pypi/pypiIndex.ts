// A loopback stand-in for PyPI: builds (cached) the wheel index from Debian packages and serves it on 127.0.0.1.
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { join, normalize } from "node:path";
import { run } from "../registry/registry.ts";

/** A running index: pass `url` as PIP_INDEX_URL (pip trusts plain HTTP on 127.0.0.1). */
export interface PypiIndex {
  /** Debian bookworm's packages. */
  readonly url: string;
  /** bookworm's plus Debian trixie's newer pure-Python releases (Poetry 2.1, FastAPI 0.115, Uvicorn 0.32). */
  readonly trixieUrl: string;
  readonly dir: string;
  /** Requests served, for tests that prove the build really used the index. */
  readonly requests: string[];
  close(): Promise<void>;
}

/**
 * Builds the index with buildIndex.sh (apt-get download + repackaging; cached across runs) and serves it read-only.
 * Null when this machine cannot (no apt/dpkg): the image tests then skip, as the registry tests do.
 */
export const ensurePypiIndex = async (): Promise<PypiIndex | null> => {
  const built = await run("bash", [join(import.meta.dir, "buildIndex.sh")], { timeoutMs: 15 * 60_000 });
  if (built.code === 3) {
    if (process.env.ECS_ASSISTANT_REQUIRE_REGISTRY === "1") throw new Error(`PyPI stand-in required: ${built.stderr}`);
    return null;
  }
  if (built.code !== 0) throw new Error(`buildIndex.sh failed: ${built.stderr.slice(-2000)}`);
  const dir = built.stdout.trim().split("\n").pop()!;
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? "/").split("?")[0]!));
    requests.push(path);
    let file = join(dir, path);
    if (!file.startsWith(dir)) return void res.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    if (!existsSync(file)) return void res.writeHead(404).end("not found");
    res.writeHead(200, {
      "content-type": file.endsWith(".html") ? "text/html" : "application/octet-stream",
      "content-length": statSync(file).size,
    });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}/simple/`,
    trixieUrl: `http://127.0.0.1:${port}/trixie/simple/`,
    dir,
    requests,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
};
