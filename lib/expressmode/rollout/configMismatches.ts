// Compares the configuration a service runs with what a deploy asked for (image, cpu, memory, port, environment).
import type { ExpressGatewayServiceConfiguration } from "@aws-sdk/client-ecs";
import type { ExpectedConfig } from "./types.ts";

const short = (v: unknown) => {
  const s = typeof v === "string" ? v : JSON.stringify(v);
  return s === undefined ? "unset" : s.length > 80 ? `${s.slice(0, 77)}...` : s;
};

/** `field: asked X, running Y` for each requested field the running configuration reports otherwise. */
export const configMismatches = (
  running: ExpressGatewayServiceConfiguration | undefined,
  want: ExpectedConfig | undefined,
): string[] => {
  if (!running || !want) return [];
  const c = running.primaryContainer;
  const out: string[] = [];
  // An unreported field is unknown, not different (as in deploy_app's re-run check); the image is always reported.
  const check = (field: string, asked: unknown, have: unknown, strict = false) => {
    if (asked !== undefined && (have !== undefined || strict) && asked !== have)
      out.push(`${field}: asked ${short(asked)}, running ${short(have)}`);
  };
  check("image", want.image, c?.image, true);
  check("cpu", want.cpu, running.cpu);
  check("memory", want.memory, running.memory);
  check("containerPort", want.containerPort, c?.containerPort);
  if (want.environment) {
    const have = new Map((c?.environment ?? []).map((e) => [e.name, e.value]));
    const names = Object.keys(want.environment).filter((k) => have.get(k) !== want.environment?.[k]);
    const extra = [...have.keys()].filter((k) => k !== undefined && !(k in (want.environment ?? {})));
    if (names.length || extra.length)
      out.push(
        `environment: ${[...names.map((n) => `${n} differs`), ...extra.map((n) => `${n} not asked`)].slice(0, 5).join(", ")}`,
      );
  }
  return out;
};
