// Every app layout under test/fixtures/apps: detection, static vs server, and the generated Dockerfile match expected.json.
import { describe, expect, test } from "bun:test";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { detectProject } from "../lib/expressmode/detect/detectProject.ts";
import { generateDockerfile } from "../lib/expressmode/dockerfile/generateDockerfile.ts";
import { APPS, fixtureApps } from "./support/fixtureApps.ts";

describe("fixture app layouts", () => {
  test("every fixture names its public source in SOURCES.md", () => {
    const sources = readFileSync(join(APPS, "SOURCES.md"), "utf8");
    const missing = fixtureApps()
      .map(([name]) => name)
      .filter((name) => !sources.includes(`| ${name} |`));
    expect(missing).toEqual([]);
  });
  for (const [name, want] of fixtureApps())
    test(name, () => {
      const analysis = detectProject(join(APPS, name));
      const d = analysis.detection;
      expect(d).toMatchObject(want.detection);
      const proposal = generateDockerfile({ detection: d, project: analysis.project, port: 8080, healthPath: "/" });
      if (want.member && want.app_path) {
        // app_path at one app of a monorepo: that app is chosen, built from the workspace root.
        const m = detectProject(join(APPS, name, want.app_path));
        expect(m.detection).toMatchObject(want.member.detection);
        expect(m.build_context).toBe(join(APPS, name));
      }
      if (want.serves === "unsupported") {
        expect(proposal).toBeUndefined();
        return;
      }
      expect(proposal).toBeDefined();
      const served = d.stack === "static" || proposal!.dockerfile.includes("nginx") ? "static" : "server";
      expect(served).toBe(want.serves);
      let at = 0;
      for (const line of want.dockerfile_contains ?? []) {
        const i = proposal!.dockerfile.indexOf(line, at);
        expect({ line, found: i >= 0 }).toEqual({ line, found: true });
        at = i;
      }
      for (const line of want.dockerfile_excludes ?? []) expect(proposal!.dockerfile).not.toContain(line);
      for (const a of want.ambiguous_contains ?? []) expect((d.ambiguous ?? []).some((x) => x.includes(a))).toBe(true);
      for (const w of want.warnings_contain ?? []) expect(proposal!.warnings.some((x) => x.includes(w))).toBe(true);
      for (const n of want.notes_contain ?? []) expect((d.notes ?? []).some((x) => x.includes(n))).toBe(true);
      expect(Boolean(want.image?.build) || Boolean(want.not_built)).toBe(true);
    });
});
