// CommonJS entry of ecs-assistant: the package is ESM; this loads it where Node can require() ES modules, else explains.
"use strict";

try {
  module.exports = require("../dist/lib/index.js");
} catch (e) {
  if (e && (e.code === "ERR_REQUIRE_ESM" || e.code === "ERR_REQUIRE_ASYNC_MODULE")) {
    throw new Error(
      'ecs-assistant is an ES module and this Node cannot require() it. Use `import { createEcsAssistant } from "ecs-assistant"` ' +
        '(an .mjs file or "type": "module"), or from CommonJS `const { createEcsAssistant } = await import("ecs-assistant")`. ' +
        "Node 22.12+ can require() it directly.",
      { cause: e },
    );
  }
  throw e;
}
