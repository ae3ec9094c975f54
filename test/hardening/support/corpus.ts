// The redaction corpus: secrets as they appear in logs, env dumps, stack events and configs, each with the part that
// must never reach a client; plus identifiers that must survive redaction unchanged.

/** One secret-bearing text and the substring that must disappear. */
export interface CorpusEntry {
  readonly kind: string;
  readonly text: string;
  readonly secret: string;
}

const SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY";
const SESSION =
  "IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQDkZ3H2L0+v7Q6GQlZkHk2yS0ff4Q8r3Zp2Yb0QvXmJxgIgP1w5W4c2Qy0Ck7kJm0bHbU5Tm3L5m0Xb8U0zQ9r1kKcq9gMIcxAAGgw5OTk5OTk5OTk5OTkiDFakeSessionTokenValue";
const JWT =
  "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIn0.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";
const PEM = "MIIEowIBAAKCAQEA0Z3VS5JJcds3xfn/ygWyF8PbnGy0AHB7MhgHcTz6sE2I2yPB";

export const CORPUS: readonly CorpusEntry[] = [
  { kind: "AWS access key id", text: "using key AKIAIOSFODNN7ZXAMPLE for uploads", secret: "AKIAIOSFODNN7ZXAMPLE" },
  { kind: "AWS temporary key id", text: "ASIAY34FZKBOKMUTVV7A", secret: "ASIAY34FZKBOKMUTVV7A" },
  { kind: "AWS secret key (ini)", text: `aws_secret_access_key = ${SECRET_KEY}`, secret: SECRET_KEY },
  { kind: "AWS secret key (env)", text: `export AWS_SECRET_ACCESS_KEY=${SECRET_KEY}`, secret: SECRET_KEY },
  { kind: "AWS secret key (JSON)", text: `{"SecretAccessKey": "${SECRET_KEY}"}`, secret: SECRET_KEY },
  { kind: "AWS session token (env)", text: `AWS_SESSION_TOKEN=${SESSION}`, secret: SESSION.slice(0, 60) },
  { kind: "AWS session token (JSON)", text: `{"SessionToken":"${SESSION}"}`, secret: SESSION.slice(0, 60) },
  {
    kind: "password in URL",
    text: "DATABASE_URL is postgres://app:pa55w0rdX@db.internal:5432/app",
    secret: "pa55w0rdX",
  },
  {
    kind: "password in URL (srv)",
    text: "mongodb+srv://admin:Secr3tMongo@cluster0.mongodb.net",
    secret: "Secr3tMongo",
  },
  {
    kind: "password in URL (no user)",
    text: "connecting to redis://:r3disPassw0rd@cache:6379/0",
    secret: "r3disPassw0rd",
  },
  { kind: "bearer token", text: "Authorization: Bearer abcDEF123456ghiJKL789", secret: "abcDEF123456ghiJKL789" },
  { kind: "basic auth header", text: "Authorization: Basic dXNlcjpzM2NyZXRQYXNz", secret: "dXNlcjpzM2NyZXRQYXNz" },
  {
    kind: "RSA private key",
    text: `-----BEGIN RSA PRIVATE KEY-----\n${PEM}\n-----END RSA PRIVATE KEY-----`,
    secret: PEM,
  },
  {
    kind: "OpenSSH private key",
    text: `-----BEGIN OPENSSH PRIVATE KEY-----\n${PEM}\n-----END OPENSSH PRIVATE KEY-----`,
    secret: PEM,
  },
  { kind: "PKCS8 private key", text: `-----BEGIN PRIVATE KEY-----\n${PEM}\n-----END PRIVATE KEY-----`, secret: PEM },
  { kind: "JWT", text: `session=${JWT}; Path=/`, secret: JWT.split(".")[2]! },
  { kind: "*_PASSWORD env", text: "DB_PASSWORD=hunter2hunter2 node server.js", secret: "hunter2hunter2" },
  { kind: "*_SECRET env", text: "STRIPE_WEBHOOK_SECRET=whsec_abcdef0123456789", secret: "whsec_abcdef0123456789" },
  {
    kind: "*_TOKEN env",
    text: "GITHUB_TOKEN: ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789",
    secret: "ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789",
  },
  {
    kind: "*_API_KEY env",
    text: "SENDGRID_API_KEY='SG.abcdefghij.klmnopqrstuvwxyz'",
    secret: "SG.abcdefghij.klmnopqrstuvwxyz",
  },
  { kind: "JSON password field", text: '{"DATABASE_PASSWORD": "correcthorsebattery"}', secret: "correcthorsebattery" },
  { kind: "CLI password flag", text: "mysql --password=Sup3rS3cret! -h db", secret: "Sup3rS3cret!" },
  {
    kind: "Slack token",
    text: "xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx",
    secret: "AbCdEfGhIjKlMnOpQrStUvWx",
  },
  {
    kind: "Stripe live key",
    text: "charging with sk_live_51HcQk2EXAMPLEabcdefghijk",
    secret: "sk_live_51HcQk2EXAMPLEabcdefghijk",
  },
  {
    kind: "Google API key",
    text: "maps key AIzaSyA1b2C3d4E5f6G7h8I9j0KlMnOpQrStUvW",
    secret: "AIzaSyA1b2C3d4E5f6G7h8I9j0KlMnOpQrStUvW",
  },
  {
    kind: "npm token",
    text: "//registry.npmjs.org/:_authToken=npm_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789",
    secret: "npm_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789",
  },
];

/** Identifiers that look technical but are not secrets: redaction must leave them byte for byte. */
export const KEEP: readonly string[] = [
  "arn:aws:ecs:us-east-1:123456789012:cluster/default",
  "arn:aws:ecs:us-east-1:123456789012:task-definition/web:3",
  "arn:aws:ecs:us-east-1:123456789012:task/default/0123456789abcdef0123456789abcdef",
  "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-password-AbCdEf",
  "arn:aws:secretsmanager:us-east-1:123456789012:secret:api_token-Xy12Zw",
  "arn:aws:ssm:us-east-1:123456789012:parameter/prod/DB_PASSWORD",
  "arn:aws:iam::123456789012:role/ecsTaskExecutionRole",
  "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef",
  "123456789012.dkr.ecr.us-east-1.amazonaws.com/web@sha256:0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0",
  "sg-0123456789abcdef0",
  "subnet-0abc1234def567890",
  "vpc-0a1b2c3d",
  "ecs/web/0123456789abcdef0123456789abcdef",
  "9f7c1a5e-3b2d-4c8e-a1f0-123456789abc",
  "https://web.ecs.us-east-1.on.aws/health",
  "nextToken",
  "passwordPolicy",
  "tokenExpiry: 2026-11-25T10:00:00Z",
];
