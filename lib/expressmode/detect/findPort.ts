// Finds the port an app listens on, whether it reads $PORT, and a health route, by scanning a few source files.
import type { Project } from "./scanProject.ts";

/** What the source scan found. */
export interface PortFacts {
  port?: number;
  source?: string;
  readsPortEnv: boolean;
  healthPath?: string;
  /** The variable the code reads its listen address from when it defaults to loopback (`HOST ?? "localhost"`). */
  hostEnv?: string;
}

const PORT_PATTERNS: readonly RegExp[] = [
  /(?:Number|parseInt)\(\s*process\.env\.PORT[^)]*\)\s*(?:\|\||\?\?)\s*(\d{2,5})/,
  /\.listen\(\s*(\d{2,5})\b/,
  /\bPORT\b['"]?\]?\s*(?:\|\||\?\?|or)\s*['"]?(\d{2,5})/,
  /getenv\(\s*['"]PORT['"]\s*,\s*['"]?(\d{2,5})/,
  /environ\.get\(\s*['"]PORT['"]\s*,\s*['"]?(\d{2,5})/,
  /ENV\.fetch\(\s*['"]PORT['"]\s*(?:,\s*|\)\s*\{\s*)['"]?(\d{2,5})/,
  /\bport\s*[:=]\s*(\d{2,5})\b/i,
  /--port[= ](\d{2,5})\b/,
  /ListenAndServe\(\s*"[^"]*:(\d{2,5})"/,
  /\.Run\(\s*"[^"]*:(\d{2,5})"/,
  /set\s+:port,\s*(\d{2,5})/,
  /runserver\s+[\d.]*:(\d{2,5})/,
  /UseUrls\(\s*"https?:\/\/[^"]*:(\d{2,5})"/,
  /^server\.port\s*=\s*(\d{2,5})/m,
];
const PORT_ENV =
  /process\.env\.PORT|process\.env\[['"]PORT['"]\]|environ(?:\.get)?\(?\[?\s*['"]PORT['"]|getenv\(\s*['"]PORT['"]|Getenv\("PORT"\)|ENV\[['"]PORT['"]\]|ENV\.fetch\(\s*['"]PORT['"]|(?<![`\w])\$\{PORT\}(?![^`\n]*`)|\$PORT\b/;
const HEALTH =
  /['"`]((?:\/[\w.-]+)*\/(?:health|healthz|healthcheck|health-check|status|ping|ready|readyz|livez)\/?)['"`]/;

/** `process.env.HOST ?? "localhost"`: the app listens on loopback unless the variable says otherwise (a listen-address
 * name only: `DB_HOST || "localhost"` is where a client connects, not where the app listens). */
const LOOPBACK_HOST_ENV =
  /process\.env(?:\.(LISTEN_HOST|BIND_HOST|SERVER_HOST|APP_HOST|HTTP_HOST|HOST|BIND_ADDRESS|LISTEN_ADDRESS|ADDRESS)\b|\[['"](LISTEN_HOST|BIND_HOST|SERVER_HOST|APP_HOST|HTTP_HOST|HOST|BIND_ADDRESS|LISTEN_ADDRESS|ADDRESS)['"]\])\s*(?:\?\?|\|\|)\s*['"](?:localhost|127\.0\.0\.1)['"]/;

const MAX_FILES = 40;
/** Ports of databases, caches and brokers: a `port: 5432` in a connection config is not the app's port. */
const SERVICE_PORTS = new Set([1433, 1521, 3306, 5432, 5672, 6379, 9042, 9200, 11211, 27017]);
/** Files that configure connections to other services, not the app's listener. */
const SERVICE_CONFIG =
  /(^|\/)(database|db|knexfile|ormconfig|data-source|sequelize|redis|mongo|mongoose|prisma|typeorm)[\w.-]*\.\w+$/i;

/**
 * Scans files with the given extensions (root-level and conventional entry points first, then up to 40 files)
 * and, in order, the `preferred` files (e.g. application.properties) that name the port.
 */
export const findPort = (
  project: Project,
  extensions: readonly string[],
  preferred: readonly string[] = [],
): PortFacts => {
  const sources = project.files
    .filter(
      (f) =>
        extensions.some((e) => f.endsWith(e)) &&
        !/(^|\/)(test|tests|spec|__tests__)\//.test(f) &&
        !/\.(test|spec)\./.test(f),
    )
    .sort((a, b) => a.split("/").length - b.split("/").length);
  const candidates = [...preferred.filter((p) => project.has(p)), ...sources].slice(0, MAX_FILES);
  const facts: PortFacts = { readsPortEnv: false };
  for (const file of candidates) {
    const text = project.read(file);
    if (!text) continue;
    if (PORT_ENV.test(text)) facts.readsPortEnv = true;
    if (!facts.healthPath) facts.healthPath = HEALTH.exec(text)?.[1];
    if (!facts.hostEnv && !SERVICE_CONFIG.test(file)) {
      const h = LOOPBACK_HOST_ENV.exec(text);
      if (h) facts.hostEnv = h[1] ?? h[2];
    }
    if (facts.port === undefined && !SERVICE_CONFIG.test(file)) {
      for (const re of PORT_PATTERNS) {
        const m = re.exec(text);
        const n = m ? Number(m[1]) : Number.NaN;
        if (n >= 80 && n <= 65535 && !SERVICE_PORTS.has(n)) {
          facts.port = n;
          facts.source = `${file}: ${m![0].trim().slice(0, 80)}`;
          break;
        }
      }
    }
  }
  return facts;
};
