// Types of selectBinary.js (the launcher is plain JavaScript so it runs without a build step).

/** Facts about the machine and the installation, all injected. */
export interface SelectInput {
  readonly platform: string;
  readonly arch: string;
  /** Linux C library; undefined elsewhere. */
  readonly libc?: "glibc" | "musl";
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Directory of an installed package, or undefined. */
  readonly resolvePackage: (name: string) => string | undefined;
  readonly exists: (path: string) => boolean;
  /** The JS build's entry point (dist/server/main.js). */
  readonly jsEntry: string;
}

/** What to run, and why the fallback was taken. */
export type Selection =
  | { readonly kind: "binary"; readonly path: string; readonly source: string }
  | { readonly kind: "js"; readonly path: string; readonly reason: string };

export declare const PLATFORM_PACKAGES: Readonly<Record<string, string>>;
export declare const platformKey: (platform: string, arch: string) => string;
export declare const binaryFileName: (key: string) => string;
export declare const selectBinary: (input: SelectInput) => Selection;
