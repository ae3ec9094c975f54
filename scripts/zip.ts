// ZIP archives for the MCPB bundles, written by fflate (deflate, Unix modes, fixed timestamps: reproducible bytes).
import { type Zippable, zipSync } from "fflate";

/** One file of the archive; `mode` becomes its Unix permissions (0o755 for executables). */
export interface ZipEntry {
  readonly name: string;
  readonly data: Uint8Array;
  readonly mode?: number;
}

/** 1980-01-01 (local time), the ZIP epoch: the same bytes on every build. */
const ZIP_EPOCH = new Date(1980, 0, 1);
const UNIX = 3; // "made by" host: Unix, so the external attributes carry the file mode
const REGULAR_FILE = 0o100000;

/** Builds a ZIP archive in memory (no ZIP64: every entry and the archive must stay under 4 GiB). */
export const createZip = (entries: readonly ZipEntry[]): Buffer => {
  const files: Zippable = {};
  for (const e of entries) {
    const attrs = ((REGULAR_FILE | (e.mode ?? 0o644)) << 16) >>> 0;
    files[e.name] = [e.data, { level: 9, os: UNIX, attrs, mtime: ZIP_EPOCH }];
  }
  return Buffer.from(zipSync(files, { mtime: ZIP_EPOCH }));
};
