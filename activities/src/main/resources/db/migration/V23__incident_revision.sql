-- The revision (sequence of the last timeline event) of the state stored in the row. A save only
-- overwrites a state of the same or an older revision, so a late attempt of an older save (an
-- activity that timed out while its transaction still committed) cannot undo a newer one.
ALTER TABLE incidents ADD COLUMN revision integer NOT NULL DEFAULT 0;
