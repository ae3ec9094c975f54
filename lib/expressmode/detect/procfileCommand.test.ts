// Procfile web process → exec-form start command.
// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Procfiles contain shell ${PORT} on purpose.
import { expect, test } from "bun:test";
import { procfileCommand } from "./procfileCommand.ts";

test("web process with $PORT becomes argv with the port placeholder", () =>
  expect(procfileCommand("release: ./migrate\nweb: gunicorn app.wsgi --bind 0.0.0.0:$PORT\n")?.argv).toEqual([
    "gunicorn",
    "app.wsgi",
    "--bind",
    "0.0.0.0:{PORT}",
  ]));
test("shell syntax runs under sh -c with $PORT kept for the shell", () =>
  expect(procfileCommand("web: python manage.py migrate && gunicorn x.wsgi -b :${PORT}")?.argv).toEqual([
    "sh",
    "-c",
    "python manage.py migrate && gunicorn x.wsgi -b :$PORT",
  ]));
test("no Procfile or no web process", () => {
  expect(procfileCommand(undefined)).toBeUndefined();
  expect(procfileCommand("worker: celery -A proj worker")).toBeUndefined();
});
test("backslash escapes outside quotes are read as the shell reads them (cookiecutter-flask's create_app\\(\\))", () =>
  expect(procfileCommand("web: gunicorn shelf.app:create_app\\(\\) -b 0.0.0.0:$PORT -w 3")?.argv).toEqual([
    "gunicorn",
    "shelf.app:create_app()",
    "-b",
    "0.0.0.0:{PORT}",
    "-w",
    "3",
  ]));
