// The proposed .dockerignore: keeps secrets, VCS data, dependencies and build outputs out of the build context.
import type { Stack } from "../detect/detection.ts";

const COMMON = [
  ".git",
  ".gitignore",
  ".dockerignore",
  "Dockerfile*",
  "docker-compose*.yml",
  "*.md",
  ".env",
  ".env.*",
  "*.pem",
  "*.key",
  ".aws",
  ".ssh",
  ".vscode",
  ".idea",
  ".DS_Store",
  "cloudformation-templates",
];
const PER_STACK: Partial<Record<Stack, string[]>> = {
  node: ["node_modules", "npm-debug.log*", "coverage", ".next/cache", "dist", "build"],
  python: ["__pycache__", "*.pyc", ".venv", "venv", ".pytest_cache", ".mypy_cache", "*.egg-info"],
  go: ["bin", "*.test"],
  java: ["target", "build", ".gradle"],
  ruby: ["log", "tmp", "vendor/bundle", "coverage"],
  dotnet: ["bin", "obj"],
  php: ["vendor"],
  deno: ["node_modules"],
  elixir: ["_build", "deps", "node_modules"],
  static: ["node_modules"],
};

/** Lines of the proposed .dockerignore for `stack` (build outputs are rebuilt inside the image). */
export const dockerignoreFor = (stack: Stack, keepBuildOutputs = false): string => {
  const extra = (PER_STACK[stack] ?? []).filter((l) => !keepBuildOutputs || !["dist", "build"].includes(l));
  return `${[...COMMON, ...extra].join("\n")}\n`;
};
