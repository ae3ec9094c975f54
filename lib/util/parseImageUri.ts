// Parses container image references (shared by troubleshooting and the Express checks): registries with ports, digests, namespaced repositories, ECR hosts.

/** A parsed image reference. */
export interface ImageRef {
  readonly image: string;
  /** Registry host (with port), `docker.io` when none is given. */
  readonly registry: string;
  /** Repository path inside the registry, e.g. `team/app` (Docker Hub official images get `library/`). */
  readonly repository: string;
  readonly tag?: string;
  readonly digest?: string;
  /** Set for private ECR registries (`<account>.dkr.ecr.<region>.amazonaws.com`). */
  readonly ecr?: { readonly accountId: string; readonly region: string };
  readonly kind: "ecr" | "ecr-public" | "docker-hub" | "other";
}

// IPv4 hosts (`.dkr.ecr.<region>.amazonaws.com`, FIPS, China) and the dual-stack ones (`.dkr-ecr.<region>.on.aws`).
const ECR_HOST =
  /^(\d{12})\.(?:dkr\.ecr(?:-fips)?\.([a-z]{2}(?:-[a-z]+)+-\d)\.amazonaws\.com(?:\.cn)?|dkr-ecr(?:-fips)?\.([a-z]{2}(?:-[a-z]+)+-\d)\.on\.aws)$/;

/**
 * Splits a reference per the Docker grammar: the first path component is a registry only when it holds a `.`
 * or `:` or is `localhost`; the tag follows the last `:` after the last `/`; a digest follows `@`.
 * Returns undefined for text that cannot be an image reference.
 */
export const parseImageUri = (image: string): ImageRef | undefined => {
  const text = image.trim();
  if (!text || /\s/.test(text)) return undefined;
  const at = text.indexOf("@");
  const digest = at >= 0 ? text.slice(at + 1) : undefined;
  const named = at >= 0 ? text.slice(0, at) : text;
  if (digest !== undefined && !/^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]{32,}$/.test(digest)) return undefined;
  const slash = named.indexOf("/");
  const first = slash >= 0 ? named.slice(0, slash) : "";
  const hasRegistry = slash >= 0 && (first.includes(".") || first.includes(":") || first === "localhost");
  const registry = hasRegistry ? first : "docker.io";
  let rest = hasRegistry ? named.slice(slash + 1) : named;
  const colon = rest.lastIndexOf(":");
  let tag: string | undefined;
  if (colon > rest.lastIndexOf("/")) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!/^[\w][\w.-]{0,127}$/.test(tag)) return undefined;
  }
  if (!rest || !/^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/.test(rest)) {
    return undefined;
  }
  const dockerHub = registry === "docker.io" || registry === "index.docker.io" || registry === "registry-1.docker.io";
  const repository = dockerHub && !rest.includes("/") ? `library/${rest}` : rest;
  const m = ECR_HOST.exec(registry);
  const kind = m ? "ecr" : registry === "public.ecr.aws" ? "ecr-public" : dockerHub ? "docker-hub" : "other";
  return {
    image: text,
    registry,
    repository,
    ...(tag !== undefined ? { tag } : {}),
    ...(digest !== undefined ? { digest } : {}),
    ...(m ? { ecr: { accountId: m[1]!, region: (m[2] ?? m[3])! } } : {}),
    kind,
  };
};

/** The tag to look up: explicit tag, else `latest` unless the reference pins a digest. */
export const effectiveTag = (ref: ImageRef): string | undefined => ref.tag ?? (ref.digest ? undefined : "latest");
