// Recognises stacks containerize_app has no Dockerfile recipe for, and says what it found instead of guessing.
import type { Detection } from "./detection.ts";
import type { Project } from "./scanProject.ts";

const KNOWN: readonly [language: string, manifests: readonly string[]][] = [
  ["Rust", ["Cargo.toml"]],
  ["Elixir (without Phoenix)", ["mix.exs"]],
  ["Scala", ["build.sbt"]],
  ["Haskell", ["stack.yaml", "cabal.project", "package.yaml"]],
  ["Swift", ["Package.swift"]],
  ["Gleam", ["gleam.toml"]],
  ["Dart", ["pubspec.yaml"]],
  ["Clojure", ["project.clj", "deps.edn"]],
  ["Crystal", ["shard.yml"]],
  ["Zig", ["build.zig"]],
  ["Nim", ["nimble"]],
  ["C/C++", ["CMakeLists.txt", "meson.build"]],
];

/** A typed "unsupported" answer (stack `unknown`, no Dockerfile) naming the language and the files that show it. */
export const detectUnsupported = (p: Project): Detection | undefined => {
  for (const [language, manifests] of KNOWN) {
    const found = manifests.filter((m) => p.has(m) || p.files.some((f) => f.endsWith(`.${m}`) && !f.includes("/")));
    if (found.length === 0) continue;
    return {
      stack: "unknown",
      start_command: [],
      unsupported: {
        language,
        found,
        reason: `containerize_app has no ${language} recipe; it does not guess a Dockerfile it cannot check. Write one by hand (multi-stage, non-root, listening on the container port), then use build_and_push_image_to_ecr.`,
      },
      evidence: [`${found.join(", ")} (${language})`],
    };
  }
  return undefined;
};
