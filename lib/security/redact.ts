// Redacts secrets from results: environment values, secret references, and credential-looking strings.

/** What redaction removed, so a result can say that it happened. */
export interface RedactionReport {
  count: number;
  paths: string[];
}

const MARK = "[REDACTED]";

/** Keys of lists whose entries' `value`/`valueFrom` are secret (and their `<key>_shared` form in compact results). */
const ENV_KEY = /^(environment|secrets|secretOptions|environmentFiles)(_shared)?$/;

/** Keys whose values are always secret-bearing when they sit in an env/secret entry. */
const SECRET_KEY_NAME =
  /(secret|passw(or)?d|passwd|token|api[-_]?key|private[-_]?key|credential|auth[-_]?token|authorization(token)?$|session[-_]?token|cookie|dsn|conn(ection)?[-_]?str)/i;

/** Patterns for credential-looking text anywhere in a string. Ordered; each replaced by a labelled marker. */
const PATTERNS: readonly { name: string; re: RegExp }[] = [
  { name: "PRIVATE_KEY", re: /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(-----END [A-Z ]*PRIVATE KEY-----|$)/g },
  { name: "AWS_ACCESS_KEY", re: /\b(AKIA|ASIA|AROA|AIDA|ANPA|ANVA|APKA)[A-Z0-9]{16}\b/g },
  // Quotes may be backslash-escaped (JSON inside a log line).
  {
    name: "AWS_SECRET_KEY",
    re: /(aws_?secret_?access_?key|secretAccessKey)((?:\\?["'])?[\s:=]+(?:\\?["'])?)[A-Za-z0-9/+=]{40,}/gi,
  },
  {
    name: "AWS_SESSION_TOKEN",
    re: /(aws_?session_?token|sessionToken)((?:\\?["'])?[\s:=]+(?:\\?["'])?)[A-Za-z0-9/+=]{100,}/gi,
  },
  // user:password@ and :password@ (Redis URLs carry no user).
  { name: "URL_PASSWORD", re: /\b([a-z][a-z0-9+.-]*:\/\/[^\s:/@]*:)[^\s@/]+@/gi },
  { name: "BEARER", re: /\b(bearer\s+)[A-Za-z0-9\-._~+/]{8,}=*/gi },
  { name: "BASIC_AUTH", re: /\b(basic\s+)[A-Za-z0-9+/]{8,}={0,2}/gi },
  { name: "JWT", re: /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\b/g },
  { name: "GITHUB_TOKEN", re: /\bgh[pousr]_[A-Za-z0-9]{30,}\b/g },
  { name: "SLACK_TOKEN", re: /\bxox[abposr]-[A-Za-z0-9-]{10,}\b/g },
  { name: "STRIPE_KEY", re: /\b[rs]k_(live|test)_[A-Za-z0-9]{16,}\b/g },
  { name: "GOOGLE_API_KEY", re: /\bAIza[A-Za-z0-9_-]{35}\b/g },
  { name: "NPM_TOKEN", re: /\bnpm_[A-Za-z0-9]{36}\b/g },
  {
    name: "PASSWORD",
    // NAME=value, NAME: value, "NAME": "value" (also escaped quotes); not ARN parts like `:secret:name`; not already redacted.
    re: /(?<![:/\w])((?:[A-Z0-9_]*_)?(?:password|passwd|pwd|secret|auth_?token|token|api_?key)(?:\\?["'])?\s*[=:]\s*)(?!\\?["']?\[REDACTED)(\\?"(?:[^"\\]|\\.)*?\\?"|'[^']*'|[^\s,;&]+)/gi,
  },
];

/** Replaces credential-looking parts of a string; returns the new text and the number of replacements. */
export const redactText = (text: string): { text: string; count: number } => {
  let count = 0;
  let out = text;
  for (const { name, re } of PATTERNS) {
    out = out.replace(re, (...m: string[]) => {
      count++;
      const marker = `[REDACTED ${name}]`;
      if (name === "URL_PASSWORD" || name === "BEARER" || name === "BASIC_AUTH" || name === "PASSWORD")
        return `${m[1]}${marker}${name === "URL_PASSWORD" ? "@" : ""}`;
      if (name === "AWS_SECRET_KEY" || name === "AWS_SESSION_TOKEN") return `${m[1]}${m[2]}${marker}`;
      return marker;
    });
  }
  return { text: out, count };
};

/** Assigns an own property, even `__proto__` (a plain assignment would replace the copy's prototype instead). */
const setOwn = (o: Record<string, unknown>, k: string, v: unknown) => {
  Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
};

/** Options of `redact`. */
export interface RedactOptions {
  /**
   * Also blank values by position (environment entries, secret references, keys that name secrets). Default true.
   * False keeps only the text patterns: for results that should hold no secrets at all, where a pagination token or
   * an env value must survive but a leaked credential must not.
   */
  readonly structural?: boolean;
}

/**
 * Deep-copies `value` with secrets removed: values of `environment`/`environmentFiles` entries, `secrets[].valueFrom`/`secretOptions[].valueFrom`,
 * keys that name secrets, and credential-looking text in any string. Names are kept so the structure stays useful.
 */
export const redact = <T>(value: T, options: RedactOptions = {}): { value: T; report: RedactionReport } => {
  const structural = options.structural ?? true;
  const report: RedactionReport = { count: 0, paths: [] };
  const note = (path: string) => {
    report.count++;
    if (report.paths.length < 50) report.paths.push(path);
  };
  const walk = (v: unknown, path: string, parentKey: string): unknown => {
    if (typeof v === "string") {
      const r = redactText(v);
      if (r.count > 0) note(path);
      return r.text;
    }
    if (Array.isArray(v)) {
      const envList = structural && ENV_KEY.test(parentKey);
      return v.map((item, i) => {
        const p = `${path}[${i}]`;
        if (envList && item && typeof item === "object") {
          const o = { ...(item as Record<string, unknown>) };
          for (const k of ["value", "valueFrom"]) {
            if (o[k] !== undefined && o[k] !== MARK) {
              o[k] = MARK;
              note(`${p}.${k}`);
            }
          }
          return o;
        }
        return walk(item, p, parentKey);
      });
    }
    if (v && typeof v === "object" && !(v instanceof Date)) {
      // Compact results may give what env/secret entries share once, as `environment_shared: {value}`.
      if (structural && ENV_KEY.test(parentKey) && parentKey.endsWith("_shared"))
        return (walk([v], path, parentKey) as unknown[])[0];
      const out: Record<string, unknown> = {};
      for (const [k, child] of Object.entries(v as Record<string, unknown>)) {
        const p = path ? `${path}.${k}` : k;
        if (
          structural &&
          typeof child === "string" &&
          SECRET_KEY_NAME.test(k) &&
          !/arn|name|type|id$|Id$|count/i.test(k) &&
          child.length > 0
        ) {
          setOwn(out, k, MARK);
          note(p);
        } else setOwn(out, k, walk(child, p, k));
      }
      return out;
    }
    return v;
  };
  return { value: walk(value, "", "") as T, report };
};
