// One doctor finding: what was checked, how it went, what was seen, and how to fix it.

/** ok: works; warn: works with a caveat or only matters for some tools; fail: something will not work. */
export type CheckStatus = "ok" | "warn" | "fail";

/** The result of one check; `fix` is set whenever the status is not ok. */
export interface DoctorCheck {
  readonly name: string;
  readonly status: CheckStatus;
  readonly detail: string;
  readonly fix?: string;
}
