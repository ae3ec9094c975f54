// The CLI's own flags are taken out; everything else is left for the server's loadConfig.
import { expect, test } from "bun:test";
import { splitArgs } from "./splitArgs.ts";

test("separates --args/--args-file/--pretty/--json/--timeout (both --x v and --x=v) from server flags", () => {
  const { flags, rest } = splitArgs([
    "--args",
    '{"a":1}',
    "--allow-write",
    "--pretty",
    "--region=eu-west-1",
    "--timeout=900",
  ]);
  expect(flags).toMatchObject({ args: '{"a":1}', pretty: true, json: false, timeoutMs: "900" });
  expect(rest).toEqual(["--allow-write", "--region=eu-west-1"]);
  expect(splitArgs(["--args-file=/tmp/a.json", "--json"]).flags).toMatchObject({ argsFile: "/tmp/a.json", json: true });
});

test("a JSON value with '=' inside stays whole", () => {
  expect(splitArgs(['--args={"filter":"a=b"}']).flags.args).toBe('{"filter":"a=b"}');
});

test("a valued flag at the end without its value is an error", () => {
  expect(() => splitArgs(["--args-file"])).toThrow("--args-file needs a value");
});

test("-h is help; a server flag's own value stays with it; a boolean flag given a value is an error", () => {
  const { flags, rest } = splitArgs(["-h", "--region", "us-west-2", "--pretty"]);
  expect(flags).toMatchObject({ help: true, pretty: true });
  expect(rest).toEqual(["--region", "us-west-2"]);
  expect(() => splitArgs(["--json=yes"])).toThrow("--json takes no value");
});
