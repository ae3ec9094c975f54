// The self-deploy task role's inline policies, from the tool catalogue (lib/iamPolicy.ts): the read-only policy, plus
// what sensitive results add, plus what writes add. The CloudFormation template attaches the last two only when its
// AllowSensitiveData / AllowWrite parameters ask for them, so together they equal iamPolicyFor(…, level).
import { ALL_TOOLS, type IamLevel, iamPolicyFor } from "../lib/index.ts";

interface Statement {
  readonly Sid: string;
  readonly Action: readonly string[];
  readonly [k: string]: unknown;
}
type Doc = { Version: string; Statement: Statement[] };

/** Statements of `upper` minus the actions `lower` already grants in the statement of the same Sid. */
const delta = (upper: Doc, lower: Doc): Doc => {
  const granted = new Map(lower.Statement.map((s) => [s.Sid, new Set(s.Action)]));
  const Statement = upper.Statement.map((s) => ({
    ...s,
    Action: s.Action.filter((a) => !granted.get(s.Sid)?.has(a)),
  })).filter((s) => s.Action.length > 0);
  return { Version: upper.Version, Statement };
};

const level = (l: IamLevel): Doc => iamPolicyFor(ALL_TOOLS, l) as Doc;

/** The three inline policies, named as the template names them, each with the condition that attaches it. */
export const taskRolePolicies = (): readonly { name: string; condition?: string; document: Doc }[] => {
  const read = level("read-only");
  const sensitive = level("troubleshooting-sensitive");
  const deploy = level("deploy");
  return [
    { name: "ecs-assistant-read", document: read },
    { name: "ecs-assistant-sensitive-read", condition: "SensitiveAllowed", document: delta(sensitive, read) },
    { name: "ecs-assistant-write", condition: "WritesAllowed", document: delta(deploy, sensitive) },
  ];
};
