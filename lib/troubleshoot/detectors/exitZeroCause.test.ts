// An essential container that exits 0 finished its main process: the finding says so and names a backgrounding command.
import { expect, test } from "bun:test";
import { exitZeroCause } from "./exitZeroCause.ts";

const ctx = (def: Record<string, unknown>) => ({ taskDefinition: { containerDefinitions: [{ name: "web", ...def }] } });

test("a daemonizing command is named with the foreground fix; a non-essential container is not a cause", () => {
  const f = exitZeroCause({ name: "web", exitCode: 0 }, ctx({ command: ["sh", "-c", "pm2 start app.js"] }));
  expect(f?.explanation).toContain("`sh -c pm2 start app.js`, which starts the app in the background");
  expect(f?.fix).toContain("pm2-runtime");
  const plain = exitZeroCause({ name: "web", exitCode: 0 }, ctx({}));
  expect(plain?.explanation).toContain("image's CMD");
  expect(plain?.fix).not.toContain("pm2");
  expect(exitZeroCause({ name: "web", exitCode: 0 }, ctx({ essential: false }))).toBeUndefined();
});
