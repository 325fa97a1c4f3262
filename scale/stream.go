package scale

import "iter"

// Prefetch runs seq in a goroutine of its own, up to depth items ahead of the consumer,
// so that generating the next batch overlaps with storing this one. seq must not share
// unsynchronised state with the consumer.
func Prefetch[T any](seq iter.Seq[T], depth int) iter.Seq[T] {
	return func(yield func(T) bool) {
		ch := make(chan T, max(depth, 1))
		stop := make(chan struct{})
		go func() {
			defer close(ch)
			for v := range seq {
				select {
				case ch <- v:
				case <-stop:
					return
				}
			}
		}()
		defer close(stop)
		for v := range ch {
			if !yield(v) {
				return
			}
		}
	}
}
