// The build asked for follows the task's architecture: Graviton tasks need linux/arm64, X86_64 (or unset) linux/amd64.
import { expect, test } from "bun:test";
import { archAdvice } from "./archAdvice.ts";

test("ARM64 task: build linux/arm64 (or move the task to X86_64); unset or X86_64: build linux/amd64", () => {
  const arm = archAdvice({ runtimePlatform: { cpuArchitecture: "ARM64" } });
  expect(arm.fix).toStartWith("Build and push the image for linux/arm64");
  expect(arm.fix).toContain("set runtimePlatform.cpuArchitecture to X86_64");
  const unset = archAdvice(undefined);
  expect(unset.explanation).toContain("not set, so X86_64");
  expect(unset.fix).toStartWith("Build and push the image for linux/amd64");
});
