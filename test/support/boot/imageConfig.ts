// Reads an image's run configuration (podman image inspect) and resolves its USER against the image's own passwd.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { run } from "../registry/registry.ts";

/** The OCI config fields a container start uses. */
export interface ImageRunConfig {
  Entrypoint?: string[] | null;
  Cmd?: string[] | null;
  Env?: string[] | null;
  WorkingDir?: string;
  User?: string;
  ExposedPorts?: Record<string, unknown> | null;
}

/** `podman image inspect` → the image's Config. */
export const imageConfig = async (image: string, env: Record<string, string>): Promise<ImageRunConfig> => {
  const r = await run("podman", ["image", "inspect", "--format", "{{json .Config}}", image], { env });
  if (r.code !== 0) throw new Error(`podman image inspect ${image}: ${r.stderr.slice(-500)}`);
  return JSON.parse(r.stdout) as ImageRunConfig;
};

const lookup = (root: string, file: string, key: string): string[] | undefined => {
  let text = "";
  try {
    text = readFileSync(join(root, "etc", file), "utf8");
  } catch {
    return undefined;
  }
  return text
    .split("\n")
    .map((l) => l.split(":"))
    .find((f) => f[0] === key || f[2] === key);
};

/** USER `name`, `uid`, `name:group` or `uid:gid` → numeric ids and home, as the container runtime resolves them. */
export const resolveUser = (user: string | undefined, root: string): { uid: number; gid: number; home: string } => {
  if (!user) return { uid: 0, gid: 0, home: "/root" };
  const [u, g] = user.split(":") as [string, string | undefined];
  const pw = lookup(root, "passwd", u);
  if (!pw && !/^\d+$/.test(u)) throw new Error(`USER ${u} is not in the image's /etc/passwd`);
  const uid = pw ? Number(pw[2]) : Number(u);
  let gid = pw ? Number(pw[3]) : 0;
  if (g) {
    const gr = lookup(root, "group", g);
    if (!gr && !/^\d+$/.test(g)) throw new Error(`group ${g} is not in the image's /etc/group`);
    gid = gr ? Number(gr[2]) : Number(g);
  }
  return { uid, gid, home: pw?.[5] || "/" };
};
