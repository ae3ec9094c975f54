// How a Python fixture image is built against the loopback PyPI stand-in (shared by the corpus test and the bench).
import type { ImageExpectation, ProveOptions } from "../boot/proveFixture.ts";
import { userPort } from "../boot/userPort.ts";
import { namePrivateIndex } from "./namePrivateIndex.ts";
import type { PypiIndex } from "./pypiIndex.ts";

/**
 * The index root the fixture asks for (`image.pypi`), passed as the PIP_INDEX_URL build argument the generated
 * Dockerfile declares and named in the project's copy where the tool reads only the project (Pipenv, Poetry).
 */
export const pypiProveOptions = (index: PypiIndex, image: ImageExpectation): ProveOptions => {
  const url = image.pypi === "trixie" ? index.trixieUrl : index.url;
  return {
    buildArgs: { PIP_INDEX_URL: url },
    prepare: (dir: string) => namePrivateIndex(dir, index, url),
    port: userPort,
  };
};
