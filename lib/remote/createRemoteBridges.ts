// Wires the docs proxy and the optional hosted ECS bridge into the assistant: which tools, which specs, change events.
import type { AwsCredentialIdentityProvider } from "@smithy/types";
import type { AwsOptions } from "../aws/clients.ts";
import type { Logger } from "../log.ts";
import type { AnyTool, ToolSpec } from "../registry.ts";
import { KNOWLEDGE_TOOL_NAMES, remoteKnowledgeName, withEcsGuidance } from "./guidance.ts";
import { hostedDescriptor } from "./hostedTools.ts";
import { type HostedOptions, hostedUrl, KNOWLEDGE_DEFAULT_URL, type KnowledgeOptions } from "./options.ts";
import { createRemoteMcp, type RemoteMcp, type RemoteTool } from "./remoteMcp.ts";
import type { SigV4Settings } from "./sigv4Fetch.ts";

/** The remote side of an assistant. Creating it opens no connection except the opt-in hosted warm-up. */
export interface RemoteBridges {
  readonly knowledge?: RemoteMcp;
  readonly hosted?: RemoteMcp;
  /** Our descriptors minus the knowledge tools when the proxy is disabled. */
  offered(tools: readonly AnyTool[]): AnyTool[];
  /** Descriptors of the hosted tools known now (empty until the hosted server has answered). */
  hostedTools(): AnyTool[];
  /** Specs with the remote's input (and output, when it lists one) schema and description once it answered tools/list. */
  overlay(specs: readonly ToolSpec[]): ToolSpec[];
  onToolsChanged(listener: () => void): () => void;
  close(): Promise<void>;
}

const KNOWLEDGE_NAMES = new Set<string>(Object.values(KNOWLEDGE_TOOL_NAMES));

/** Builds the bridges from the assistant's options. */
export const createRemoteBridges = (o: {
  knowledge?: KnowledgeOptions;
  hosted?: HostedOptions;
  aws?: AwsOptions;
  log: Logger;
}): RemoteBridges => {
  const listeners = new Set<() => void>();
  const emit = () => {
    for (const l of listeners) l();
  };
  const k = o.knowledge ?? {};
  const knowledge =
    k.enabled === false
      ? undefined
      : createRemoteMcp({
          label: "AWS Knowledge MCP server",
          url: k.url ?? KNOWLEDGE_DEFAULT_URL,
          unreachableHint:
            "The documentation proxy needs internet access to the AWS Knowledge MCP server; check the network or proxy settings, set options.knowledge.url, or answer without it.",
          connectTimeoutMs: k.connectTimeoutMs,
          callTimeoutMs: k.callTimeoutMs,
          retryAfterMs: k.retryAfterMs,
          fetch: k.fetch,
          log: o.log,
        });
  knowledge?.onToolsChanged(emit);

  const hosted = o.hosted ? createHosted(o.hosted, o.aws ?? {}, o.log) : undefined;
  const prefix = o.hosted?.prefix ?? "hosted_";
  let hostedCache: { from: readonly RemoteTool[]; tools: AnyTool[] } | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let closed = false;
  if (hosted) {
    hosted.onToolsChanged(emit);
    const warmUp = () => {
      retry = undefined;
      hosted.connect().mapErr(() => {
        if (!closed) {
          retry = setTimeout(warmUp, o.hosted?.retryAfterMs ?? 30_000);
          retry.unref?.();
        }
      });
    };
    // Never on the start-up path: the first attempt runs after the current tick.
    retry = setTimeout(warmUp, 0);
    retry.unref?.();
  }

  const remoteSpec = (spec: ToolSpec): ToolSpec => {
    const remoteName = remoteKnowledgeName(spec.name);
    const fromKnowledge = remoteName ? knowledge?.tools()?.find((t) => t.name === remoteName) : undefined;
    if (fromKnowledge)
      return {
        ...spec,
        description: withEcsGuidance(fromKnowledge.description ?? spec.description),
        inputSchema: fromKnowledge.inputSchema,
        ...(fromKnowledge.outputSchema ? { outputSchema: fromKnowledge.outputSchema } : {}),
      };
    const fromHosted = spec.name.startsWith(prefix)
      ? hosted?.tools()?.find((t) => `${prefix}${t.name}` === spec.name)
      : undefined;
    return fromHosted
      ? {
          ...spec,
          inputSchema: fromHosted.inputSchema,
          ...(fromHosted.outputSchema ? { outputSchema: fromHosted.outputSchema } : {}),
        }
      : spec;
  };

  return {
    knowledge,
    hosted,
    offered: (tools) => tools.filter((t) => knowledge || !KNOWLEDGE_NAMES.has(t.name)),
    hostedTools: () => {
      const listed = hosted?.tools();
      if (!hosted || !listed) return [];
      if (hostedCache?.from !== listed)
        // In name order, whatever order the remote lists them in: every replica lists the same (cacheable) tools/list.
        hostedCache = {
          from: listed,
          tools: [...listed]
            .sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0))
            .map((t) => hostedDescriptor(hosted, t, prefix)),
        };
      return hostedCache.tools;
    },
    overlay: (specs) => specs.map(remoteSpec),
    onToolsChanged: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    close: async () => {
      closed = true;
      if (retry) clearTimeout(retry);
      await Promise.all([knowledge?.close(), hosted?.close()]);
    },
  };
};

/** The hosted ECS MCP client: SigV4-signed fetch with the assistant's credentials (or the default chain). */
const createHosted = (h: HostedOptions, aws: AwsOptions, log: Logger): RemoteMcp => {
  const region = h.region ?? aws.region ?? "us-east-1";
  const url = h.url ?? hostedUrl(region);
  return createRemoteMcp({
    label: "AWS-managed ECS MCP server",
    url,
    unreachableHint:
      "Check network access to the endpoint, the AWS credentials (profile, SSO login) and the IAM permissions ecs-mcp:UseMcp and ecs-mcp:InvokeReadOnlyTools.",
    connectTimeoutMs: h.connectTimeoutMs,
    callTimeoutMs: h.callTimeoutMs,
    retryAfterMs: h.retryAfterMs,
    fetch: lazySigV4Fetch({
      region,
      service: h.service ?? "ecs-mcp",
      credentials: aws.credentials ?? defaultChain(aws.profile),
      fetch: h.fetch,
    }),
    log,
  });
};

/**
 * The signing fetch, its module (the smithy signer, @smithy/core and node:crypto: ~5 MB RSS, bench/) loaded on the
 * first request rather than when the assistant is built, so the start-up and tools/list never pay for it.
 */
const lazySigV4Fetch = (settings: SigV4Settings): typeof fetch => {
  let signed: Promise<typeof fetch> | undefined;
  const lazy = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    signed ??= import("./sigv4Fetch.ts").then((m) => m.createSigV4Fetch(settings));
    return (await signed)(input, init);
  };
  return lazy as typeof fetch;
};

/** The standard Node credential chain (env, SSO, profiles, roles), loaded only when the first request is signed. */
const defaultChain = (profile?: string): AwsCredentialIdentityProvider => {
  let provider: AwsCredentialIdentityProvider | undefined;
  return async () => {
    if (!provider) {
      const { fromNodeProviderChain } = await import("@aws-sdk/credential-providers");
      provider = fromNodeProviderChain(profile ? { profile } : {});
    }
    return provider();
  };
};
