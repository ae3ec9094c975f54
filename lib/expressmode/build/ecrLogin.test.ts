// ecrLogin against a stand-in `docker` on PATH: the password goes in on stdin, exit codes and bad tokens become errors.
import { afterAll, expect, test } from "bun:test";
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { okAsync } from "neverthrow";
import type { ToolContext } from "../../tool.ts";
import type { ContainerRuntime } from "../runtime/detectRuntime.ts";
import { ecrLogin } from "./ecrLogin.ts";

const bin = mkdtempSync(join(tmpdir(), "ecr-login-"));
// Succeeds only when stdin is exactly the password and it is not on the command line.
writeFileSync(
  join(bin, "docker"),
  '#!/bin/sh\ncase "$*" in *s3cret*) exit 3;; esac\n[ "$(cat)" = "s3cret" ] && exit 0\necho "denied: bad password"\nexit 1\n',
);
chmodSync(join(bin, "docker"), 0o755);
afterAll(() => rmSync(bin, { recursive: true, force: true }));

const rt: ContainerRuntime = {
  name: "docker",
  env: { PATH: `${bin}:/usr/bin:/bin` },
  platform: "linux/amd64",
  timeoutMs: 10_000,
};
const ctxWith = (token: string) =>
  ({
    aws: () => okAsync({ authorizationData: [{ authorizationToken: Buffer.from(token).toString("base64") }] }),
    signal: new AbortController().signal,
    progress: () => {},
  }) as unknown as ToolContext;
const uri = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop";

test("logs in with the token's password on stdin and answers the registry host", async () => {
  const r = await ecrLogin(ctxWith("AWS:s3cret"), rt, uri);
  expect(r._unsafeUnwrap()).toBe("123456789012.dkr.ecr.eu-west-1.amazonaws.com");
});

test("a refused login is a container_runtime error with the output tail", async () => {
  const e = (await ecrLogin(ctxWith("AWS:wrong"), rt, uri))._unsafeUnwrapErr();
  expect(e.kind).toBe("container_runtime");
  expect(e.message).toContain("exit 1");
  expect(e.message).toContain("denied: bad password");
});

test("a token without a password is an InvalidToken error and runs nothing", async () => {
  const e = (await ecrLogin(ctxWith("garbage"), rt, uri))._unsafeUnwrapErr();
  expect(e.kind === "aws" && e.code).toBe("InvalidToken");
});
