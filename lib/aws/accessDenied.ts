// Reads who was denied what from an AWS access-denied message, so the hint names them instead of guessing.

/** The parts of "User: <principal> is not authorized to perform: <action> on resource: <resource> because …". */
export interface Denial {
  readonly principal?: string;
  readonly action?: string;
  readonly resource?: string;
  /** Why, when AWS says: no identity-based policy, an explicit deny in an SCP, a permissions boundary… */
  readonly reason?: string;
}

/**
 * Parses the documented access-denied message forms
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html#access-denied-error-messages).
 * Fields the message does not hold stay undefined: an action is never inferred from the operation name.
 */
export const parseDenial = (message: string): Denial => {
  const principal = /User:\s*(arn:[^\s]+)/.exec(message)?.[1];
  const action = /not authorized to perform:?\s*([\w-]+:[\w*]+)/.exec(message)?.[1];
  const resource = /on resource:?\s*(arn:[^\s]+|\*)/.exec(message)?.[1]?.replace(/[.,;]$/, "");
  const reason =
    /(because no [\w -]+ policy allows[^.]*|with an explicit deny in an? [\w -]+ policy[^.]*|because no session policy allows[^.]*)/.exec(
      message,
    )?.[1];
  return { principal, action, resource, reason };
};

/** The hint for a denial: names the principal, the action and the kind of policy that decided, as AWS gave them. */
export const denialHint = (message: string, call: string): string => {
  const d = parseDenial(message);
  if (!d.action)
    return `AWS denied ${call} without naming the IAM action in its message. The call was ${call}; check the identity's policies, permission boundaries and organization SCPs for the action this call needs (see the service's "Actions, resources, and condition keys" page), or use a profile that has it.`;
  const who = d.principal ? `${d.principal} is` : "The credentials are";
  const where = d.resource && d.resource !== "*" ? ` on ${d.resource}` : "";
  const why = d.reason
    ? /explicit deny/.test(d.reason)
      ? ` AWS says the denial comes ${d.reason.replace(/^with /, "from ")}: adding an Allow will not help; the deny must be lifted.`
      : ` AWS says: ${d.reason}.`
    : "";
  const pass =
    d.action === "iam:PassRole"
      ? " (iam:PassRole on a role created moments ago can also be IAM propagation: retry within about two minutes.)"
      : "";
  // "role/arn:aws:iam::…": a whole ARN where a role name belongs (an ARN built around an ARN); no grant fixes that.
  const nested = /:role\/arn:/.test(d.resource ?? "")
    ? " The role name in that ARN is itself an ARN: a whole role ARN was given where a role name was expected. Pass the role ARN once (arn:<partition>:iam::<account>:role/<name>)."
    : "";
  return `${who} not allowed ${d.action}${where}.${nested}${why} Grant ${d.action} to that identity (or use a profile that has it).${pass}`;
};
