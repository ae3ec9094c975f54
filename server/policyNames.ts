// The server's names for policy fields and options: lib/ speaks of policy.allowWrite or options.container.runtime;
// clients of the server set ALLOW_WRITE, --deny or --container-runtime.

/** Policy field and option texts of lib/ (longest first) and how the server says them (environment variables and flags). */
const NAMES: readonly (readonly [string, string])[] = [
  ["policy.allowWrite = true", "ALLOW_WRITE=true"],
  ["policy.allowSensitiveData = true", "ALLOW_SENSITIVE_DATA=true"],
  ["policy.allowWrite", "ALLOW_WRITE"],
  ["policy.allowSensitiveData", "ALLOW_SENSITIVE_DATA"],
  ["policy.denyOperations", "the deny list (--deny)"],
  ["policy.allowOperations", "the allow list (--allow)"],
  ["policy.allowedRoots", "--allowed-root"],
  ["options.container.runtime", "--container-runtime / ECS_CONTAINER_RUNTIME"],
  ["options.knowledge.enabled = true", "start the server without --no-knowledge"],
  ["options.knowledge.url", "--knowledge-url / ECS_KNOWLEDGE_URL"],
];

/** A text of lib/ (hint, description, prompt, note) with policy fields named as the server's users set them. */
export const renderPolicyNames = (text: string): string =>
  text.includes("policy.") || text.includes("options.")
    ? NAMES.reduce((t, [from, to]) => t.replaceAll(from, to), text)
    : text;

/** A JSON value (result, error, tool spec) with every string rendered by renderPolicyNames. */
export const renderPolicyNamesIn = <T>(value: T): T => {
  const text = JSON.stringify(value);
  return text?.includes("policy.") || text?.includes("options.") ? (JSON.parse(renderPolicyNames(text)) as T) : value;
};
