//go:build linux && cgo

package sqlite

// #include <malloc.h>
import "C"

// keepHeap stops glibc from handing freed heap back to the kernel after every
// statement. SQLite builds a small temporary b-tree, with its own page cache, for each
// CHECK (x IN (…)) of a row it inserts (requests have three) and frees it when the
// statement ends; with glibc's default trim threshold the heap then shrinks and grows
// again at every row, and each shrink costs a page-table flush on every core. On a
// 2-core virtual machine that was most of a bulk load's time (BENCHMARKS.md).
func keepHeap() {
	C.mallopt(C.M_TRIM_THRESHOLD, 256<<20)
	C.mallopt(C.M_TOP_PAD, 16<<20)
}

// ReleaseMemory hands the C heap's free pages back to the kernel. glibc keeps memory that
// SQLite and the graphics driver have freed (a software-rendered window frees its text
// textures a minute after they leave the screen) for reuse, so without this a window open
// all shift holds on to its busiest minute.
func ReleaseMemory() {
	C.malloc_trim(0)
}
