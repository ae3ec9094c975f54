// The output folder a build script sets on its own command line (it overrides the framework's config file).

const clean = (v: string): string =>
  v
    .replace(/^["']|["']$/g, "")
    .replace(/^\.\//, "")
    .replace(/\/$/, "");

/** Flags (and CRA's BUILD_PATH variable) that move each SPA tool's output, by framework family. */
const FLAGS: readonly [RegExp, RegExp][] = [
  [/^vite/, /\bvite\s+build\b[^;&|]*?--outDir[=\s]+("[^"]+"|'[^']+'|[^\s;&|]+)/],
  [/^create-react-app$/, /\bBUILD_PATH=("[^"]+"|'[^']+'|[^\s;&|]+)[^;&|]*\breact-scripts\s+build\b/],
  [/^vue-cli$/, /\bvue-cli-service\s+build\b[^;&|]*?--dest[=\s]+("[^"]+"|'[^']+'|[^\s;&|]+)/],
  [/^angular$/, /\bng\s+build\b[^;&|]*?--output-path[=\s]+("[^"]+"|'[^']+'|[^\s;&|]+)/],
];

/**
 * The folder `script` (package.json `build`) writes the site to when it says so on the command line
 * (`vite build --outDir build`, `BUILD_PATH=dist react-scripts build`, `vue-cli-service build --dest www`,
 * `ng build --output-path out`), relative to the app; undefined when it does not.
 */
export const buildScriptOutput = (framework: string, script: string | undefined): string | undefined => {
  if (!script) return undefined;
  const re = FLAGS.find(([f]) => f.test(framework))?.[1];
  const m = re?.exec(script)?.[1];
  return m ? clean(m) : undefined;
};
