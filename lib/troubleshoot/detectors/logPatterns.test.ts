// Log patterns quote the line that names the error, not the header before it.
import { expect, test } from "bun:test";
import { exceptionLineOf, logFindings } from "./logPatterns.ts";

const lines = (msgs: string[], stream = "ecs/api/1") =>
  msgs.map((message, i) => ({ message, stream, timestamp: `2026-11-25T09:40:0${i}.000Z` }));

test("a Python traceback is quoted by its exception line", () => {
  const l = lines([
    "Traceback (most recent call last):",
    '  File "/app/app.py", line 3, in <module>',
    "    import flask",
    "ModuleNotFoundError: No module named 'flask'",
  ]);
  expect(exceptionLineOf(l, 0).message).toBe("ModuleNotFoundError: No module named 'flask'");
  const crash = logFindings(l).find((f) => f.id === "app_crash");
  expect(crash?.evidence[0]?.text).toBe("ModuleNotFoundError: No module named 'flask'");
});

test("a multi-line event and a Spring Boot failure banner are quoted by their cause line", () => {
  const multi = lines([
    'Traceback (most recent call last):\n  File "x.py", line 1\nbotocore.exceptions.NoCredentialsError: Unable to locate credentials',
  ]);
  expect(exceptionLineOf(multi, 0).message).toBe(
    "botocore.exceptions.NoCredentialsError: Unable to locate credentials",
  );
  const spring = lines([
    "***************************",
    "APPLICATION FAILED TO START",
    "***************************",
    "",
    "Description:",
    "",
    "Web server failed to start. Port 8080 was already in use.",
  ]);
  expect(exceptionLineOf(spring, 1).message).toBe("Web server failed to start. Port 8080 was already in use.");
  expect(logFindings(spring).map((f) => f.id)).toContain("port_in_use");
});

test("lines of another stream are not taken as the exception", () => {
  const l = [...lines(["Traceback (most recent call last):"], "a"), ...lines(["ValueError: other task"], "b")];
  expect(exceptionLineOf(l, 0).message).toBe("Traceback (most recent call last):");
});

test("Gunicorn worker timeouts and AWS throttling are recognised", () => {
  const ids = logFindings(
    lines([
      "[2026-11-25 09:43:10 +0000] [1] [CRITICAL] WORKER TIMEOUT (pid:7)",
      "botocore.exceptions.ClientError: An error occurred (ThrottlingException) when calling the GetParameter operation: Rate exceeded",
    ]),
  ).map((f) => f.id);
  expect(ids).toContain("gunicorn_worker_timeout");
  expect(ids).toContain("aws_api_throttled");
});

test("framework start-up errors map to their kinds (Django, Rails, Spring Boot, uvicorn, Express, botocore)", () => {
  const kind = (m: string) => logFindings(lines([m])).map((f) => f.id);
  expect(kind("django.core.exceptions.ImproperlyConfigured: The SECRET_KEY setting must not be empty.")).toContain(
    "missing_config",
  );
  expect(
    kind(
      "ArgumentError: Missing `secret_key_base` for 'production' environment, set this string with `bin/rails credentials:edit`",
    ),
  ).toContain("missing_config");
  expect(
    kind(
      "Failed to configure a DataSource: 'url' attribute is not specified and no embedded datasource could be configured.",
    ),
  ).toContain("missing_config");
  expect(kind("botocore.exceptions.NoRegionError: You must specify a region.")).toContain("missing_config");
  expect(kind('ERROR:    Error loading ASGI app. Could not import module "main".')).toContain("missing_module");
  expect(kind("ActiveRecord::ConnectionNotEstablished: could not connect to server: Connection refused")).toContain(
    "dependency_unreachable",
  );
  expect(kind("Error: listen EACCES: permission denied 0.0.0.0:80")).toContain("port_privileged");
  expect(kind("INFO:     Uvicorn running on http://127.0.0.1:8000 (Press CTRL+C to quit)")).toContain(
    "binds_localhost",
  );
});
