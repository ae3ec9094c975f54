// Finding: one diagnosed cause with its evidence, explanation and fix; plus ranking and de-duplication.

/** Where a finding's proof comes from. */
export type EvidenceSource =
  | "service_event"
  | "deployment"
  | "task"
  | "container"
  | "log"
  | "target_health"
  | "ecr"
  | "cfn_event"
  | "network_rule"
  | "task_definition"
  | "express_service"
  | "metric";

/** One piece of proof: the event, task, log line or rule that shows the cause. */
export interface Evidence {
  readonly source: EvidenceSource;
  readonly text: string;
  /** Task id, resource id, log stream or target group the text belongs to. */
  readonly ref?: string;
  /** ISO time of the event, when it has one. */
  readonly at?: string;
}

/** The area a finding belongs to, for grouping in reports. */
export type FindingCategory = "image" | "task" | "service" | "network" | "cloudformation" | "logs" | "permissions";

/** A diagnosed cause. `likelihood` (0..1) ranks root causes above the symptoms they produce. */
export interface Finding {
  /** Stable rule id, e.g. `image_not_found`, `oom_killed`, `sg_blocks_lb`. */
  readonly id: string;
  readonly category: FindingCategory;
  readonly title: string;
  readonly likelihood: number;
  readonly evidence: readonly Evidence[];
  readonly explanation: string;
  readonly fix: string;
}

/** Builds a finding, capping evidence at 5 items (the rest are counted in the title-free `more` line). */
export const finding = (f: Finding): Finding => {
  if (f.evidence.length <= 5) return f;
  return {
    ...f,
    evidence: [...f.evidence.slice(0, 5), { source: f.evidence[0]!.source, text: `(${f.evidence.length - 5} more)` }],
  };
};

/**
 * Merges findings with the same id (evidence joined, highest likelihood kept) and sorts them:
 * likelihood first, then the one with the earliest evidence (a root cause usually happens first).
 */
export const rankFindings = (findings: readonly Finding[]): Finding[] => {
  const byId = new Map<string, Finding>();
  for (const f of findings) {
    const seen = byId.get(f.id);
    if (!seen) byId.set(f.id, f);
    else {
      const texts = new Set(seen.evidence.map((e) => e.text));
      byId.set(f.id, {
        ...(f.likelihood > seen.likelihood ? f : seen),
        likelihood: Math.max(f.likelihood, seen.likelihood),
        evidence: [...seen.evidence, ...f.evidence.filter((e) => !texts.has(e.text))],
      });
    }
  }
  const first = (f: Finding) =>
    f.evidence.reduce((min, e) => (e.at && e.at < min ? e.at : min), "9999-12-31T00:00:00.000Z");
  return [...byId.values()]
    .map(finding)
    .sort((a, b) => b.likelihood - a.likelihood || first(a).localeCompare(first(b)) || a.id.localeCompare(b.id));
};
