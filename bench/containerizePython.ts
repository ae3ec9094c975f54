// The Python half of the containerize bench: every Python fixture that asks for an image is built from the loopback
// base images with packages from the loopback PyPI stand-in, booted from its own CMD and probed over HTTP.
import { join } from "node:path";
import { pool, proveFixture } from "../test/support/boot/proveFixture.ts";
import { APPS, fixtureApps } from "../test/support/fixtureApps.ts";
import { ensurePypiIndex } from "../test/support/pypi/pypiIndex.ts";
import { pypiProveOptions } from "../test/support/pypi/pypiProveOptions.ts";

/** Python image figures (null when the PyPI stand-in cannot be built here) and the fixtures that missed. */
export const pythonImagesBench = async (podmanEnv: Record<string, string>) => {
  const apps = fixtureApps().filter(([, w]) => w.detection.stack === "python");
  const images = apps.filter(([, w]) => w.image?.build);
  const index = await ensurePypiIndex();
  if (!index) return null;
  const t0 = Date.now();
  try {
    const proofs = await pool(
      2,
      images.map(
        ([name, w]) =>
          () =>
            proveFixture(name, join(APPS, name), w.image!, podmanEnv, undefined, pypiProveOptions(index, w.image!)),
      ),
    );
    return {
      summary: {
        python_fixtures: apps.length,
        python_image_fixtures: images.length,
        python_built: proofs.filter((p) => p.built).length,
        python_booted: proofs.filter((p) => p.booted).length,
        python_answering: proofs.filter((p) => p.answered).length,
        python_not_built: apps.length - images.length,
        python_build_boot_s: Math.round((Date.now() - t0) / 1000),
      },
      failures: proofs.filter((p) => !p.passed).map((p) => `${p.name}: ${p.detail.slice(0, 300)}`),
    };
  } finally {
    await index.close();
  }
};
