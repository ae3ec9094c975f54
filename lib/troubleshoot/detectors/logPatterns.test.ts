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
