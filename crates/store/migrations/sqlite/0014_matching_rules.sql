-- What the engine now reads (domain::request::ShiftRule, domain::income_cap, CareFor):
--   request.shift_rule: 'all_required' or 'choose_from'; NULL for requests from before, whose
--     rule is implied by their hours (windows longer than the least hours are a pool);
--   request.shortest_shift_minutes: the shortest part of a window a pool allows;
--   request.commuting_allowance_yen: a month's commuting allowance (the 130万円 wall counts it);
--   participant_profile.cares_for_elder / cares_for_family: adults the person cares for.
ALTER TABLE request ADD COLUMN shift_rule TEXT;
ALTER TABLE request ADD COLUMN shortest_shift_minutes INTEGER;
ALTER TABLE request ADD COLUMN commuting_allowance_yen INTEGER NOT NULL DEFAULT 0;
ALTER TABLE participant_profile ADD COLUMN cares_for_elder BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE participant_profile ADD COLUMN cares_for_family BOOLEAN NOT NULL DEFAULT FALSE;
