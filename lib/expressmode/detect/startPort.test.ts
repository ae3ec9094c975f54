import { expect, test } from "bun:test";
import { startPort } from "./startPort.ts";

test("a port fixed on the start command line", () => {
  expect(startPort(["gunicorn", "--bind", "0.0.0.0:5000", "-k", "uvicorn.workers.UvicornWorker", "app:app"])).toBe(
    5000,
  );
  expect(startPort(["gunicorn", "--bind", ":8000", "ebdjango.wsgi:application"])).toBe(8000);
  expect(startPort(["gunicorn", "-b", "0.0.0.0:7000", "x:app"])).toBe(7000);
  expect(startPort(["node_modules/.bin/next", "start", "-p", "3001"])).toBe(3001);
  expect(startPort(["uvicorn", "main:app", "--port=9000"])).toBe(9000);
  expect(startPort(["streamlit", "run", "a.py", "--server.port=8502"])).toBe(8502);
});

test("no port when the command takes it from the environment or does not set one", () => {
  expect(startPort(["gunicorn", "--bind", "0.0.0.0:{PORT}", "x:app"])).toBeUndefined();
  expect(startPort(["uvicorn", "main:app", "--port", "{PORT}"])).toBeUndefined();
  expect(startPort(["node", "server.js"])).toBeUndefined();
  expect(startPort(["sh", "-c", "gunicorn x:app --bind 0.0.0.0:$PORT"])).toBeUndefined();
});
