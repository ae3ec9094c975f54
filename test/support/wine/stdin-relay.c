// Wine-side launcher: runs a .exe with its stdin on a Windows pipe, because bun-windows-x64 fails with EBADF on a wine-wrapped unix pipe.
// Usage (under wine): stdin-relay.exe CHILD.exe [ARGS...]. Copies our stdin into the child's pipe; stdout/stderr are inherited
// as they are (unix pipes work there); exits with the child's exit code. The child is in a kill-on-close job, so it dies with us.
#include <windows.h>

static HANDLE child_stdin_w;

static DWORD WINAPI pump(LPVOID unused) {
  (void)unused;
  HANDLE in = GetStdHandle(STD_INPUT_HANDLE);
  static char buf[65536];
  DWORD got, put;
  while (in != NULL && in != INVALID_HANDLE_VALUE && ReadFile(in, buf, sizeof buf, &got, NULL) && got > 0) {
    for (DWORD off = 0; off < got; off += put) {
      if (!WriteFile(child_stdin_w, buf + off, got - off, &put, NULL)) goto done;
    }
  }
done:
  CloseHandle(child_stdin_w);  // EOF for the child
  return 0;
}

static HANDLE inheritable(DWORD which) {
  HANDLE h = GetStdHandle(which), dup = NULL;
  if (h == NULL || h == INVALID_HANDLE_VALUE) return NULL;
  if (!DuplicateHandle(GetCurrentProcess(), h, GetCurrentProcess(), &dup, 0, TRUE, DUPLICATE_SAME_ACCESS)) return NULL;
  return dup;
}

static void fail(const char *msg) {
  DWORD n;
  WriteFile(GetStdHandle(STD_ERROR_HANDLE), msg, lstrlenA(msg), &n, NULL);
  ExitProcess(126);
}

int WINAPI mainCRTStartup(void) {
  // The child's command line is ours minus our own argv[0] (already quoted by wine from the unix argv).
  WCHAR *cmd = GetCommandLineW();
  if (*cmd == L'"') {
    for (cmd++; *cmd && *cmd != L'"'; cmd++) {}
    if (*cmd) cmd++;
  } else {
    while (*cmd && *cmd != L' ' && *cmd != L'\t') cmd++;
  }
  while (*cmd == L' ' || *cmd == L'\t') cmd++;
  if (!*cmd) fail("usage: stdin-relay.exe CHILD.exe [ARGS...]\n");

  SECURITY_ATTRIBUTES sa = {sizeof sa, NULL, TRUE};
  HANDLE child_stdin_r;
  if (!CreatePipe(&child_stdin_r, &child_stdin_w, &sa, 0)) fail("stdin-relay: CreatePipe failed\n");
  SetHandleInformation(child_stdin_w, HANDLE_FLAG_INHERIT, 0);

  STARTUPINFOW si;
  ZeroMemory(&si, sizeof si);
  si.cb = sizeof si;
  si.dwFlags = STARTF_USESTDHANDLES;
  si.hStdInput = child_stdin_r;
  si.hStdOutput = inheritable(STD_OUTPUT_HANDLE);
  si.hStdError = inheritable(STD_ERROR_HANDLE);

  HANDLE job = CreateJobObjectW(NULL, NULL);
  if (job) {
    JOBOBJECT_EXTENDED_LIMIT_INFORMATION lim;
    ZeroMemory(&lim, sizeof lim);
    lim.BasicLimitInformation.LimitFlags = JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE;
    SetInformationJobObject(job, JobObjectExtendedLimitInformation, &lim, sizeof lim);
  }

  PROCESS_INFORMATION pi;
  if (!CreateProcessW(NULL, cmd, NULL, NULL, TRUE, CREATE_SUSPENDED, NULL, NULL, &si, &pi)) {
    fail("stdin-relay: CreateProcess failed (is the path a Windows path, e.g. Z:\\tmp\\x.exe?)\n");
  }
  if (job) AssignProcessToJobObject(job, pi.hProcess);
  ResumeThread(pi.hThread);
  CloseHandle(pi.hThread);
  CloseHandle(child_stdin_r);
  if (si.hStdOutput) CloseHandle(si.hStdOutput);
  if (si.hStdError) CloseHandle(si.hStdError);

  HANDLE t = CreateThread(NULL, 0, pump, NULL, 0, NULL);
  if (t) CloseHandle(t);
  WaitForSingleObject(pi.hProcess, INFINITE);
  DWORD code = 1;
  GetExitCodeProcess(pi.hProcess, &code);
  ExitProcess(code);  // also ends the pump thread, which may be blocked reading our stdin
}
