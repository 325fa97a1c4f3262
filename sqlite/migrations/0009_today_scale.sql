-- The Today board at a resort with thousands of guests in house (BENCHMARKS.md).
--
-- The board reads, for every guest in house or arriving, the history of their requests.
-- Read through requests_guest, every one of those tens of thousands of requests was a
-- separate visit to the table; this index carries what the rules read, so a guest's
-- history is one short run of the index. It replaces requests_guest (same leading
-- columns), so the profile's request list keeps its path.
CREATE INDEX requests_guest_history ON requests(guest_id, created_at, category, kind, status, outcome, score,
    recovery, id, description) WHERE guest_id IS NOT NULL;
DROP INDEX requests_guest;

-- Who is in house or arriving is read from these partial indexes alone.
DROP INDEX stays_in_house_room;
CREATE INDEX stays_in_house_room ON stays(room, guest_id) WHERE status = 'in_house';
DROP INDEX stays_arrival;
CREATE INDEX stays_arrival ON stays(arrival, guest_id) WHERE status = 'expected';

-- The handover report's sections and department table read every open request (a busy
-- resort has tens of thousands, many waiting for a follow-up call): this index carries
-- what they filter and sort on, so none of them visits the table.
CREATE INDEX requests_open_board ON requests(created_at, status, due_at, kind, recovery, escalation_level,
    escalated_at, department) WHERE open = 1;

-- VIPs among the guests in house are found without reading every in-house guest's row.
CREATE INDEX guests_vip ON guests(id) WHERE vip = 1;
