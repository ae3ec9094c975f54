// Stub bcryptprimitives.dll for wine 8 (Debian bookworm), which lacks the ProcessPrng export that bun-windows-x64 imports.
#include <windows.h>

// RtlGenRandom is exported by advapi32.dll under the name SystemFunction036.
BOOLEAN WINAPI SystemFunction036(PVOID RandomBuffer, ULONG RandomBufferLength);

BOOL WINAPI ProcessPrng(PBYTE pbData, SIZE_T cbData) {
  // RtlGenRandom takes a ULONG length: feed large requests in chunks.
  while (cbData > 0) {
    ULONG chunk = cbData > 0x10000000 ? 0x10000000 : (ULONG)cbData;
    if (!SystemFunction036(pbData, chunk)) return FALSE;
    pbData += chunk;
    cbData -= chunk;
  }
  return TRUE;
}

BOOL WINAPI DllMain(HINSTANCE hinst, DWORD reason, LPVOID reserved) {
  (void)hinst;
  (void)reason;
  (void)reserved;
  return TRUE;
}
