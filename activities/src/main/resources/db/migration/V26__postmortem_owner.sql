-- Who owns each postmortem: the person reminded of it and escalated past when it is late (the
-- commander, else whoever acknowledged the incident, see PostmortemInput.owner). Until now only the
-- postmortem's workflow knew it, so the postmortem library could not say who to ask about a late
-- one. Its workflow writes it with every save from now on.
--
-- Postmortems saved before this get their incident's commander, whom every postmortem of an
-- incident with a commander is owned by. Those of incidents without one (owned by whoever
-- acknowledged or resolved it) stay without until their workflow saves them again: when they go
-- overdue or are published.
ALTER TABLE postmortems ADD COLUMN owner text;

UPDATE postmortems p
SET owner = i.commander
FROM incidents i
WHERE i.number = p.incident_number AND i.commander IS NOT NULL;
