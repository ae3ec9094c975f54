import { describe, expect, test } from "bun:test";
import { ConfigError, loadConfig } from "./config.ts";

describe("server config", () => {
  test("defaults: stdio, read-only, us-east-1, INFO", () => {
    const c = loadConfig([], {});
    expect(c).toMatchObject({
      command: "serve",
      transport: "stdio",
      region: "us-east-1",
      logLevel: "info",
      host: "127.0.0.1",
    });
    expect(c.policy).toMatchObject({ allowWrite: false, allowSensitiveData: false });
  });

  test("reference env vars map onto the policy (drop-in)", () => {
    const c = loadConfig([], {
      ALLOW_WRITE: "true",
      ALLOW_SENSITIVE_DATA: "YES",
      AWS_PROFILE: "dev",
      AWS_REGION: "eu-west-1",
      FASTMCP_LOG_LEVEL: "WARNING",
      FASTMCP_LOG_FILE: "/tmp/x.log",
    });
    expect(c.policy).toMatchObject({ allowWrite: true, allowSensitiveData: true });
    expect(c).toMatchObject({ profile: "dev", region: "eu-west-1", logLevel: "warn", logFile: "/tmp/x.log" });
  });

  test("profile without region leaves the region to the profile", () => {
    expect(loadConfig([], { AWS_PROFILE: "dev" }).region).toBeUndefined();
  });

  test("flags win over env", () => {
    const c = loadConfig(
      ["--allow-write", "--region", "ap-south-1", "--log-level", "debug", "--http", "--port", "9000"],
      { ALLOW_WRITE: "false", AWS_REGION: "eu-west-1" },
    );
    expect(c).toMatchObject({ region: "ap-south-1", logLevel: "debug", transport: "http", port: 9000 });
    expect(c.policy.allowWrite).toBe(true);
  });

  test("standard endpoint variables", () => {
    const c = loadConfig([], {
      AWS_ENDPOINT_URL: "http://127.0.0.1:4566",
      AWS_ENDPOINT_URL_ECS: "http://127.0.0.1:5000",
      AWS_ENDPOINT_URL_CLOUDWATCH_LOGS: "http://127.0.0.1:5001",
    });
    expect(c.endpoints).toEqual({
      default: "http://127.0.0.1:4566",
      ecs: "http://127.0.0.1:5000",
      logs: "http://127.0.0.1:5001",
    });
    expect(
      loadConfig([], { AWS_ENDPOINT_URL: "http://x", AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: "true" }).endpoints,
    ).toEqual({});
  });

  test("invalid values are clear errors", () => {
    expect(() => loadConfig([], { ALLOW_WRITE: "ture" })).toThrow(/ALLOW_WRITE="ture" is not a boolean/);
    expect(() => loadConfig([], { FASTMCP_LOG_LEVEL: "LOUD" })).toThrow(/FASTMCP_LOG_LEVEL="LOUD" is not a log level/);
    expect(() => loadConfig(["--port", "99999"], {})).toThrow(/--port="99999" must be an integer/);
    expect(() => loadConfig([], { AWS_ENDPOINT_URL_ECS: "localhost:1" })).toThrow(ConfigError);
    expect(() => loadConfig(["--allow-wrte"], {})).toThrow(/Unknown option '--allow-wrte'/);
    expect(() => loadConfig(["--allowed-root", "rel/dir"], {})).toThrow(/absolute/);
  });

  test("--allow/--deny lists", () => {
    const c = loadConfig(["--allow", "ListClusters,DescribeClusters", "--deny", "DeleteCluster"], {});
    expect(c.policy.allowOperations).toEqual(["ListClusters", "DescribeClusters"]);
    expect(c.policy.denyOperations).toEqual(["DeleteCluster"]);
  });

  test("a non-loopback HTTP bind needs an auth token", () => {
    expect(() => loadConfig(["--http", "--host", "0.0.0.0"], {})).toThrow(/without authentication/);
    expect(loadConfig(["--http", "--host", "0.0.0.0"], { ECS_MCP_AUTH_TOKEN: "0123456789abcdef0" }).host).toBe(
      "0.0.0.0",
    );
    expect(loadConfig(["--http", "--host", "localhost"], {}).host).toBe("localhost");
  });

  test("ECS_MCP_STATE_KEY: the shared key for confirmation states, refused when short", () => {
    expect(() => loadConfig(["--http"], { ECS_MCP_STATE_KEY: "short" })).toThrow(/at least 32 characters/);
    const key = "k".repeat(32);
    expect(loadConfig(["--http"], { ECS_MCP_STATE_KEY: key }).stateKey).toBe(key);
    expect(loadConfig([], {}).stateKey).toBeUndefined();
  });
});

describe("OAuth settings", () => {
  const env = {
    ECS_MCP_OAUTH_ISSUERS: "https://login.example.com/realms/team, http://127.0.0.1:9000",
    ECS_MCP_OAUTH_RESOURCE: "https://mcp.example.com/mcp",
  };
  test("issuers and resource from env; skew defaults to 60 s; OAuth alone lets --host leave loopback", () => {
    const c = loadConfig(["--http", "--host", "0.0.0.0"], env);
    expect(c.allowedHosts).toContain("mcp.example.com");
    expect(c.oauth).toEqual({
      issuers: ["https://login.example.com/realms/team", "http://127.0.0.1:9000"],
      resource: "https://mcp.example.com/mcp",
      clockSkewSec: 60,
    });
  });
  test("half a configuration, plain-http issuers off loopback, a fragment or a huge skew are errors naming the setting", () => {
    expect(() => loadConfig([], { ECS_MCP_OAUTH_ISSUERS: "https://a.example.com" })).toThrow("--oauth-resource");
    expect(() => loadConfig(["--oauth-resource", "https://m.example.com/mcp"], {})).toThrow("--oauth-issuer");
    expect(() => loadConfig([], { ...env, ECS_MCP_OAUTH_ISSUERS: "http://idp.example.com" })).toThrow("must use https");
    expect(() => loadConfig([], { ...env, ECS_MCP_OAUTH_RESOURCE: "https://m.example.com/mcp#x" })).toThrow("fragment");
    expect(() => loadConfig([], { ...env, ECS_MCP_OAUTH_CLOCK_SKEW_SECONDS: "3600" })).toThrow("0 to 300");
  });
  test("JWKS URLs per accepted issuer only", () => {
    const c = loadConfig([], { ...env, ECS_MCP_OAUTH_JWKS_URIS: "http://127.0.0.1:9000=http://127.0.0.1:9000/keys" });
    expect(c.oauth?.jwksUris).toEqual({ "http://127.0.0.1:9000": "http://127.0.0.1:9000/keys" });
    expect(() =>
      loadConfig([], { ...env, ECS_MCP_OAUTH_JWKS_URIS: "https://other.example.com=https://x/keys" }),
    ).toThrow("accepted issuer");
  });
});
