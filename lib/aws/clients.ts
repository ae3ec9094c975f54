// The one place that creates AWS SDK clients: lazily, once per service, from the assistant's options.
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from "@smithy/types";
import { CLIENT_CLASS, type ClientFor, LOADERS, type ServiceName } from "./services.ts";

/** How to reach AWS. Every field is optional; the defaults are the SDK's (standard credential chain, region from config). */
export interface AwsOptions {
  readonly region?: string;
  /** Named profile from ~/.aws/config (SSO profiles included). */
  readonly profile?: string;
  /** Credentials or a provider; overrides `profile`. Default: the standard Node credential chain. */
  readonly credentials?: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  /** Endpoint per service, or `default` for all (loopback fakes, VPC endpoints, LocalStack). */
  readonly endpoints?: Partial<Record<ServiceName | "default", string>>;
  /** Total attempts per call including retries (SDK default 3). */
  readonly maxAttempts?: number;
  readonly retryMode?: "standard" | "adaptive";
  /** Socket timeout per HTTP request, ms. */
  readonly requestTimeoutMs?: number;
  /** Connection timeout, ms. */
  readonly connectTimeoutMs?: number;
  /** Extra user agent text appended after `ecs-assistant/<version>`. */
  readonly userAgentSuffix?: string;
  /** Most AWS calls in flight at once, across services (default 16): fan-outs stay under throttling limits. */
  readonly maxConcurrency?: number;
  /** Pre-built clients (tests, custom middleware). Used as given. */
  readonly clients?: Partial<{ [S in ServiceName]: ClientFor<S> }>;
}

/** Lazily creates and caches one client per service. */
export interface ClientFactory {
  /** The client of `service`; `region` asks for one in another region (e.g. a log group's awslogs-region). */
  get<S extends ServiceName>(service: S, region?: string): Promise<ClientFor<S>>;
  /** Services whose client was created so far (for start-up cost tests). */
  loaded(): ServiceName[];
  /** Releases sockets held by the created clients. */
  destroy(): void;
}

/** Builds the client factory; nothing is loaded until `get` is called. */
export const createClientFactory = (options: AwsOptions, version: string): ClientFactory => {
  const cache = new Map<string, Promise<unknown>>();
  const created = new Map<string, { destroy(): void }>();

  const make = async <S extends ServiceName>(service: S, key: string, region?: string): Promise<ClientFor<S>> => {
    const given = options.clients?.[service];
    if (given) return given;
    const mod = await LOADERS[service]();
    const Ctor = (mod as unknown as Record<string, unknown>)[CLIENT_CLASS[service]] as new (
      cfg: object,
    ) => ClientFor<S>;
    const endpoint = options.endpoints?.[service] ?? options.endpoints?.default;
    const handler =
      options.requestTimeoutMs !== undefined || options.connectTimeoutMs !== undefined
        ? {
            requestTimeout: options.requestTimeoutMs,
            connectionTimeout: options.connectTimeoutMs,
            // Without this, smithy's handler only warns on a request timeout and keeps waiting.
            throwOnRequestTimeout: true,
          }
        : undefined;
    const client = new Ctor({
      region: region ?? options.region,
      ...(endpoint ? { endpoint } : {}),
      ...(options.credentials ? { credentials: options.credentials } : {}),
      ...(options.profile && !options.credentials ? { profile: options.profile } : {}),
      ...(options.maxAttempts ? { maxAttempts: options.maxAttempts } : {}),
      ...(options.retryMode ? { retryMode: options.retryMode } : {}),
      ...(handler ? { requestHandler: handler } : {}),
      customUserAgent: [["ecs-assistant", version], ...(options.userAgentSuffix ? [[options.userAgentSuffix]] : [])],
    });
    created.set(key, client as unknown as { destroy(): void });
    return client;
  };

  return {
    get: <S extends ServiceName>(service: S, region?: string) => {
      // The default-region client is keyed by the service alone; another region gets its own client.
      const key = region && region !== options.region ? `${service}@${region}` : service;
      let p = cache.get(key) as Promise<ClientFor<S>> | undefined;
      if (!p) {
        p = make(service, key, key === service ? undefined : region);
        // A failed creation must not poison the cache for the next call.
        p.catch(() => cache.delete(key));
        cache.set(key, p);
      }
      return p;
    },
    loaded: () => [...new Set([...cache.keys()].map((k) => k.split("@")[0] as ServiceName))],
    destroy: () => {
      for (const c of created.values()) c.destroy();
    },
  };
};
