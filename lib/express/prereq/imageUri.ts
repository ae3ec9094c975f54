// Parses container image references: registry host with port, namespaced repositories, tags and digests, ECR hosts.

/** A parsed image reference. */
export interface ImageRef {
  /** Registry host (with port), or undefined for Docker Hub short names. */
  readonly registry?: string;
  /** Repository path inside the registry, namespaces included (`team/app`). */
  readonly repository: string;
  readonly tag?: string;
  readonly digest?: string;
  /** Set when the host is an ECR private registry: its account and region. */
  readonly ecr?: { readonly registryId: string; readonly region: string };
}

const ECR_HOST = /^(\d{12})\.dkr\.ecr(?:-fips)?\.([a-z]{2}(?:-[a-z]+)+-\d)\.amazonaws\.com(?:\.cn)?$/;

/**
 * Splits `image` into registry, repository, tag and digest the way container runtimes do: the first path
 * segment is a registry only if it has a dot or a port or is `localhost`; the tag follows the last `:` after
 * the last `/`; a digest follows `@`. Returns undefined for text that is not an image reference.
 */
export const parseImageUri = (image: string): ImageRef | undefined => {
  const trimmed = image.trim();
  if (!trimmed || /\s/.test(trimmed)) return undefined;
  const [nameTag, digest, extra] = trimmed.split("@");
  if (extra !== undefined || !nameTag) return undefined;
  if (digest !== undefined && !/^sha256:[0-9a-f]{64}$/.test(digest)) return undefined;
  const slash = nameTag.indexOf("/");
  const first = slash >= 0 ? nameTag.slice(0, slash) : "";
  const hasRegistry = slash >= 0 && (first.includes(".") || first.includes(":") || first === "localhost");
  const registry = hasRegistry ? first : undefined;
  const rest = hasRegistry ? nameTag.slice(slash + 1) : nameTag;
  const lastSlash = rest.lastIndexOf("/");
  const colon = rest.lastIndexOf(":");
  const hasTag = colon > lastSlash;
  const repository = hasTag ? rest.slice(0, colon) : rest;
  const tag = hasTag ? rest.slice(colon + 1) : undefined;
  if (!/^[a-z0-9]+(?:[._-][a-z0-9]+)*(?:\/[a-z0-9]+(?:[._-][a-z0-9]+)*)*$/.test(repository)) return undefined;
  if (tag !== undefined && !/^[\w][\w.-]{0,127}$/.test(tag)) return undefined;
  const m = registry ? ECR_HOST.exec(registry) : null;
  return {
    registry,
    repository,
    tag,
    digest,
    ...(m ? { ecr: { registryId: m[1]!, region: m[2]! } } : {}),
  };
};
