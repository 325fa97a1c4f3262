package staff

import (
	"context"
	"testing"
)

func TestActorTravelsInTheContext(t *testing.T) {
	if got := ActorFrom(context.Background()).Name; got != "Front desk" {
		t.Fatalf("default actor = %q", got)
	}
	ctx := WithActor(context.Background(), Actor{ID: "s1", Name: "Dewi Lestari"})
	if got := ActorFrom(ctx); got.Name != "Dewi Lestari" || got.ID != "s1" {
		t.Fatalf("got %+v", got)
	}
}
