// property.RosterService over the API.

package remote

import (
	"context"
	"time"

	"connectrpc.com/connect"

	v1 "frontdesk/api/frontdesk/v1"
	"frontdesk/property"
	"frontdesk/wire"
)

var _ property.RosterService = (*Client)(nil)

// ShiftTimes returns the property's shift times.
func (c *Client) ShiftTimes(ctx context.Context) (property.ShiftTimes, error) {
	res, err := c.roster.ShiftTimes(ctx, connect.NewRequest(&v1.ShiftTimesRequest{}))
	if err != nil {
		return property.ShiftTimes{}, c.failed(err)
	}
	return wire.Go[property.ShiftTimes](res.Msg.ShiftTimes), nil
}

// SaveShiftTimes stores new shift times (managers).
func (c *Client) SaveShiftTimes(ctx context.Context, t property.ShiftTimes) error {
	_, err := c.roster.SaveShiftTimes(ctx, connect.NewRequest(&v1.SaveShiftTimesRequest{ShiftTimes: wire.Msg[*v1.ShiftTimes](t)}))
	return c.failed(err)
}

// Roster returns all three shifts of a day.
func (c *Client) Roster(ctx context.Context, day time.Time) ([]property.RosterEntry, error) {
	res, err := c.roster.Roster(ctx, connect.NewRequest(&v1.RosterRequest{Day: wire.Time(day)}))
	if err != nil {
		return nil, c.failed(err)
	}
	return wire.GoList[property.RosterEntry](res.Msg.RosterEntrys), nil
}

// SetRoster replaces the people on one shift of a day (managers).
func (c *Client) SetRoster(ctx context.Context, day time.Time, shift property.Shift, entries []property.RosterEntry) error {
	req := &v1.SetRosterRequest{Day: wire.Time(day), Shift: string(shift), Entries: wire.List[*v1.RosterEntry](entries)}
	_, err := c.roster.SetRoster(ctx, connect.NewRequest(req))
	return c.failed(err)
}

// OnShift returns the shift on at now, its roster day, its people and its manager (nil
// when none is rostered).
func (c *Client) OnShift(ctx context.Context, now time.Time) (property.Shift, time.Time, []property.RosterEntry, *property.RosterEntry, error) {
	res, err := c.roster.OnShift(ctx, connect.NewRequest(&v1.OnShiftRequest{Now: wire.Time(now)}))
	if err != nil {
		return "", time.Time{}, nil, nil, c.failed(err)
	}
	m := res.Msg
	var manager *property.RosterEntry
	if m.Manager != nil {
		e := wire.Go[property.RosterEntry](m.Manager)
		manager = &e
	}
	return property.Shift(m.Shift), wire.GoTime(m.Day), wire.GoList[property.RosterEntry](m.People), manager, nil
}
