//go:build !linux || !cgo

package sqlite

// keepHeap is needed only with glibc's allocator; see heap_linux.go.
func keepHeap() {}

// ReleaseMemory is needed only with glibc's allocator; see heap_linux.go.
func ReleaseMemory() {}
