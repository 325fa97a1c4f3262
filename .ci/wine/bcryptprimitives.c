/*
 * A stand-in bcryptprimitives.dll for the Wine smoke test only (.ci/windows-smoke).
 *
 * Go's Windows runtime (since Go 1.24) takes its random bytes from ProcessPrng in
 * bcryptprimitives.dll, which every Windows 10 and 11 has but Debian 12's Wine 8.0 does
 * not: without this file frontdesk.exe dies at start under Wine. ProcessPrng here fills
 * the buffer with RtlGenRandom (advapi32's SystemFunction036), which Wine has.
 * It never ships in the Windows bundle.
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length); /* RtlGenRandom */

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
	while (len > 0) {
		ULONG n = len > 0x40000000 ? 0x40000000 : (ULONG)len;
		if (!SystemFunction036(data, n))
			return FALSE;
		data += n;
		len -= n;
	}
	return TRUE;
}
